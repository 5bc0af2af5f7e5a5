import contexts from '../../../classifier/lexicon/data/contexts.json' with { type: 'json' };
import emoji from '../../../classifier/lexicon/data/emoji.json' with { type: 'json' };
import negation from '../../../classifier/lexicon/data/negation.json' with { type: 'json' };
import parts from '../../../classifier/lexicon/data/parts.json' with { type: 'json' };
import signals from '../../../classifier/lexicon/data/signals.json' with { type: 'json' };
import terms from '../../../classifier/lexicon/data/terms.json' with { type: 'json' };
import type { LexiconFiles } from '../../../classifier/portable.js';

/** The lexicon's data files, bundled as they are: the same files the server reads, so the same lexicon and version. */
export const LEXICON_FILES: LexiconFiles = { terms, signals, contexts, emoji, parts, negation };
