// natural ships types for its root module only; the benchmark imports the classifier directly so
// natural's index (which prints dotenv tips on stdout) is never loaded.
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  export default class BayesClassifier {
    addDocument(tokens: string[], label: string): void;
    train(): void;
    classify(tokens: string[]): string;
  }
}
