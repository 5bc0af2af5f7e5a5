import { availabilityText, takedownOf, type Takedown } from '../contracts/index.js';
import { takedownsOf, type Store, type TakedownRecord } from '../store/index.js';

/** How the API and exports say whether a listing is still up: "live" or "taken down after 3 d 4 h", and the takedown itself. */
export interface AvailabilityFields {
  availability: string;
  takedown: Takedown;
}

export function availabilityFields(record: TakedownRecord | undefined): AvailabilityFields {
  const takedown = record ? takedownOf(record.firstSeenAt, record.takenDownAt, record.reason) : null;
  return { availability: availabilityText(takedown), takedown };
}

/** The availability of a page of listings, one query. */
export async function availabilityOf(store: Store, ids: readonly number[]): Promise<(id: number) => AvailabilityFields> {
  const records = await takedownsOf(store, ids);
  return (id) => availabilityFields(records.get(id));
}
