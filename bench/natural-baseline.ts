import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import type { CorpusItem } from '../classifier/corpus/schema.js';
import type { Prediction } from '../classifier/evaluate.js';

const bigrams = (text: string): string[] => {
  const t = text.toLowerCase();
  const out: string[] = [];
  for (let i = 0; i + 2 <= t.length; i++) out.push(t.slice(i, i + 2));
  return out;
};

/** natural's naive Bayes on character bigrams, trained on the same training split as faceleak. */
export function naturalBayesBaseline(train: readonly CorpusItem[]) {
  const bayes = new BayesClassifier();
  for (const item of train) bayes.addDocument(bigrams(`${item.title ?? ''} ${item.description ?? ''}`), item.label);
  bayes.train();
  const classify = (text: string): string => bayes.classify(bigrams(text));
  return {
    classify,
    predict(item: CorpusItem): Prediction {
      const label = classify(`${item.title ?? ''} ${item.description ?? ''}`);
      return { flagged: label !== 'benign', category: label === 'benign' ? null : label, score: label === 'benign' ? 0 : 1 };
    },
  };
}
