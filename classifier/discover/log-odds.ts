/**
 * How much more often a unit appears in offers than in benign listings, as a log-odds ratio of the two
 * rates with a Jeffreys prior (half a listing added to each count, so a word never seen in benign
 * listings gets a finite ratio) and its lower bound one standard error down: a word seen in two offers
 * and no benign listing is not yet as sure as one seen in twenty (Monroe, Colaresi & Quinn 2008, with
 * listing counts in place of token counts and soft class masses in place of hard labels).
 */
export interface LogOdds {
  readonly delta: number;
  readonly sigma: number;
  readonly lower: number;
}

const PRIOR = 0.5;

export function logOddsRatio(inOffers: number, offerMass: number, inBenign: number, benignMass: number): LogOdds {
  const y1 = inOffers + PRIOR;
  const n1 = Math.max(offerMass - inOffers, 0) + PRIOR;
  const y0 = inBenign + PRIOR;
  const n0 = Math.max(benignMass - inBenign, 0) + PRIOR;
  const delta = Math.log(y1 / n1) - Math.log(y0 / n0);
  const sigma = Math.sqrt(1 / y1 + 1 / n1 + 1 / y0 + 1 / n0);
  return { delta, sigma, lower: delta - sigma };
}
