// natural ships types for its root module only, and its root module prints dotenv tips on stdout
// when loaded; the classifier imports the stemmer file directly.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
