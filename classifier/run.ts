// What classifying listings alone needs (the `faceleak classify` command): the classifier and the
// listing-line reader, without training, evaluation, the corpus or discovery, whose modules cost the
// command a quarter of a second and about 20 MB before its first listing (index.ts has them all).
export * from './classify.js';
export * from './listing-line.js';
