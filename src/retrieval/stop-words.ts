/**
 * English function words that carry no topic: dropped at index and query time.
 *
 * Lucene's 33 English stop words, plus the question words, auxiliaries and pronouns that
 * questions are full of ("what", "did", "does", "they"). Dropping them keeps posting lists
 * short (a query never walks the list of "the") and keeps BM25 focused on content words.
 * Kept out on purpose: negations ("not", "no") are in Lucene's list, but words that change
 * meaning in questions, like "first", "last", "most", "before" and "after", stay searchable.
 */
export const STOP_WORD_LIST: readonly string[] = [
  // Lucene's English stop words
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it',
  'no', 'not', 'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these',
  'they', 'this', 'to', 'was', 'will', 'with',
  // question words
  'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how',
  // auxiliaries and modal verbs
  'am', 'been', 'being', 'were', 'do', 'does', 'did', 'doing', 'done', 'has', 'have', 'had',
  'having', 'can', 'could', 'would', 'should', 'shall', 'may', 'might', 'must',
  // pronouns and determiners
  'i', 'me', 'my', 'we', 'our', 'us', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'its',
  'them', 'those', 'some', 'any', 'each', 'all', 'both', 'either', 'neither', 'other',
  'another', 'than', 'so', 'too', 'very', 'also', 'just', 'only', 'own', 'same',
  // indefinite and reflexive pronouns: "Did the FBI warn anyone?" asks about the FBI's warning
  'anyone', 'anybody', 'anything', 'someone', 'somebody', 'something', 'everyone', 'everybody',
  'everything', 'itself', 'themselves', 'himself', 'herself', 'myself', 'yourself', 'ourselves',
  // prepositions and particles
  'from', 'about', 'up', 'down', 'out', 'off', 'over', 'under', 'again', 'further', 'once',
  'here', 'via', 'per', 'upon', 'onto', 'toward', 'towards', 'within', 'without',
  // contractions' leftovers after tokenizing on apostrophes
  's', 't', 'd', 'll', 're', 've', 'm',
  // question fillers
  'many', 'much', 'tell', 'please', 'name', 'called', 'kind', 'type',
];

/** {@link STOP_WORD_LIST} as a set. */
export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORD_LIST);
