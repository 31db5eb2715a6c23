/**
 * First names that are also everyday English words or months. For these, a lower-case occurrence is
 * treated as the word ("she will attend", "may have"), and only a capitalised one as the name, because
 * replacing every "will" would wreck the text. Capitalised occurrences are always replaced, even at the
 * start of a sentence: over-redacting "Will" is safe, leaking it is not.
 */
export const NAMES_THAT_ARE_WORDS: ReadonlySet<string> = new Set([
  'will', 'may', 'rose', 'grace', 'hope', 'joy', 'faith', 'june', 'april', 'august', 'mark', 'bill', 'pat', 'sue',
  'dawn', 'holly', 'ivy', 'lily', 'daisy', 'ruby', 'amber', 'jade', 'pearl', 'crystal', 'summer', 'autumn', 'sky',
  'rich', 'frank', 'jack', 'rob', 'dean', 'lee', 'guy', 'don', 'ray', 'art', 'hunter', 'mason', 'taylor', 'cook',
  'smith', 'baker', 'brown', 'white', 'green', 'black', 'young', 'king', 'hill', 'wood', 'bell', 'rich', 'penny',
  'robin', 'heather', 'iris', 'violet', 'poppy', 'willow', 'river', 'storm', 'sunny', 'chase', 'miles', 'angel',
  'precious', 'brook', 'brooke', 'star', 'honour', 'honor', 'destiny', 'patience', 'mercy', 'charity', 'chance', 'sonny',
  'skye', 'page', 'paige', 'carter', 'porter', 'fisher', 'cole', 'may', 'marsh', 'field', 'ford', 'lane', 'moss',
  'an', 'ed', 'al', 'jo', 'mo', 'di', 'su', 'lu', 'le', 'la', 'van', 'von', 'de', 'del', 'da', 'di', 'bin', 'ben',
]);

/** Month names and their abbreviations: beside a day, a year or "in"/"on"/"during" they are dates, not names. */
export const MONTH_WORDS: ReadonlySet<string> = new Set([
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Acronyms used in safeguarding practice (and short English words) that are never a name when written in
 * capitals, whatever the register holds: a family member whose initials are "GP" or whose alias is "Ed"
 * must not turn "attended ED" or "the GP" into a role, nor make the leak check refuse.
 */
export const ACRONYMS: ReadonlySet<string> = new Set([
  'ed', 'ae', 'la', 'gp', 'hv', 'mash', 'mar', 'csc', 'icb', 'ccg', 'nhs', 'camhs', 'taf', 'cin', 'cp', 'cpp', 'lac', 's47', 's17',
  'da', 'dv', 'marac', 'mappa', 'plo', 'sw', 'ssw', 'iro', 'ehcp', 'sen', 'send', 'senco', 'dsl', 'uk', 'ok', 'am', 'pm', 'icpc',
  'rcpc', 'cla', 'lado', 'kloe', 'rlw', 'lcspr', 'dhr', 'sar', 'rag', 'nfa', 'pc', 'dc', 'ds', 'di', 'dci', 'mp', 'id', 'it', 'tv',
  'gcse', 'adhd', 'asd', 'salt', 'ot', 'ct', 'mri', 'bmi', 'dna', 'wnb', 'asb', 'pcso', 'cps', 'yot', 'yjs', 'isva', 'idva', 'ics',
  'ehm', 'eha', 'fgm', 'cse', 'cce', 'ypp', 'hr', 'ceo', 'bbc', 'mh', 'amhp', 'cmht', 'nspcc', 'ofsted', 'dfe', 'lscp', 'scp',
  'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'if', 'in', 'is', 'me', 'my', 'no', 'of', 'on', 'or', 'so', 'to', 'up', 'us', 'we',
  'a', 'i', 'ab', 'ok', 'tbc', 'n/a', 'na', 'nb', 'ps', 'eg', 'ie', 'etc', 'rtc', 'ncb', 'sgo', 'sgos', 'ico', 'gdpr', 'dbs',
]);

/** Titles that put a name after them ("Dr Okoro", "PC Hale"). */
export const TITLES = ['Dr', 'Doctor', 'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Prof', 'Professor', 'Nurse', 'Sister', 'PC', 'DC', 'DS', 'DI', 'DCI', 'Sgt', 'Sergeant', 'Cllr', 'Rev', 'Revd', 'Judge', 'Aunty', 'Auntie', 'Uncle', 'Nan', 'Nanny', 'Grandad'] as const;

/** Verbs of speech and report: a capitalised word next to one is probably a person. */
export const SPEECH_VERBS = [
  'said', 'says', 'told', 'tells', 'reported', 'reports', 'disclosed', 'discloses', 'explained', 'stated', 'asked', 'shouted',
  'replied', 'described', 'alleged', 'claimed', 'confirmed', 'denied', 'admitted', 'recalled', 'mentioned', 'texted', 'messaged',
  'phoned', 'rang', 'called', 'emailed', 'wrote', 'screamed', 'whispered', 'insisted', 'agreed', 'refused',
] as const;

/**
 * Capitalised words that are never a person's name on their own, so they are not flagged beside a verb
 * of speech: pronouns, roles, agencies and the words a chronology starts sentences with.
 */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'he', 'she', 'they', 'we', 'i', 'it', 'you', 'who', 'this', 'that', 'there', 'then', 'also', 'later', 'child', 'mother', 'father',
  'mum', 'dad', 'mummy', 'daddy', 'partner', 'sibling', 'brother', 'sister', 'grandmother', 'grandfather', 'nan', 'gran', 'grandad',
  'aunt', 'uncle', 'cousin', 'stepfather', 'stepmother', 'carer', 'police', 'school', 'nursery', 'teacher', 'head', 'headteacher',
  'officer', 'officers', 'social', 'worker', 'nurse', 'doctor', 'midwife', 'visitor', 'manager', 'staff', 'hospital', 'gp', 'hv',
  'paramedic', 'paramedics', 'ambulance', 'housing', 'probation', 'camhs', 'family', 'neighbour', 'neighbours', 'someone', 'nobody',
  'everyone', 'adult', 'adults', 'practitioner', 'practitioners', 'reviewer', 'chair', 'panel', 'agency', 'agencies', 'parent',
  'parents', 'baby', 'boy', 'girl', 'friend', 'consultant', 'registrar', 'sw', 'he’d', 'she’d', 'when', 'where', 'what',
  'however', 'subsequently', 'again', 'both', 'one', 'none', 'all', 'each', 'dr', 'mr', 'mrs', 'ms', 'miss',
]);


/** Register names that mean "not known" and must never be treated as a name to find or replace. */
export const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set(['unknown', 'not known', 'n/k', 'nk', 'unnamed', 'tbc']);
