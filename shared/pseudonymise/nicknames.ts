/**
 * Nicknames and diminutives of first names, kept as data. Source: compiled by hand by the Review Room
 * team (December 2026) from the short forms in everyday British use, informed by the issue 14 test
 * cases (Liz, Kaz, Mo). Each key is a formal name in folded form; each value lists its short forms.
 * The list works both ways: a register "Elizabeth" flags "Liz", and a register "Liz" flags "Elizabeth".
 * Add to it freely; a miss here is caught only by the reviewer.
 */
export const NICKNAME_SOURCE = 'Review Room team, hand-compiled list of common British English diminutives (shared/pseudonymise/nicknames.ts)';

/** Formal first name → its diminutives, all folded to lower case without accents. */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  abigail: ['abi', 'abby', 'abbie', 'gail'],
  alexander: ['alex', 'al', 'alfie', 'sandy', 'xander', 'lex'],
  alexandra: ['alex', 'lexi', 'sandra', 'sasha'],
  alfred: ['alf', 'alfie', 'fred'],
  andrew: ['andy', 'drew'],
  anthony: ['tony', 'ant'],
  barbara: ['barb', 'babs'],
  benjamin: ['ben', 'benji', 'benny'],
  bethany: ['beth'],
  catherine: ['cath', 'cathy', 'kate', 'katie', 'kath'],
  katherine: ['kath', 'kathy', 'kate', 'katie', 'kat', 'kay'],
  charles: ['charlie', 'chaz', 'chas'],
  charlotte: ['charlie', 'lottie', 'lotte'],
  christine: ['chris', 'chrissy', 'tina'],
  christopher: ['chris', 'kit'],
  daniel: ['dan', 'danny'],
  david: ['dave', 'davy'],
  deborah: ['debbie', 'deb', 'debs'],
  dominic: ['dom'],
  edward: ['ed', 'eddie', 'ted', 'teddy', 'ned'],
  eleanor: ['ellie', 'nell', 'nora'],
  elizabeth: ['liz', 'lizzie', 'beth', 'betty', 'eliza', 'libby', 'lisa', 'bess'],
  emily: ['em', 'emmy'],
  emma: ['em', 'emmy'],
  frances: ['fran', 'frankie'],
  francis: ['frank', 'frankie'],
  frederick: ['fred', 'freddie'],
  gabriel: ['gabe'],
  gabrielle: ['gabby', 'gabi'],
  gareth: ['gaz'],
  gary: ['gaz'],
  georgina: ['georgie', 'gina'],
  harriet: ['hattie'],
  henry: ['harry', 'hal', 'hank'],
  isabella: ['bella', 'izzy', 'issy'],
  isabelle: ['bella', 'izzy', 'issy'],
  jacqueline: ['jackie', 'jacqui'],
  james: ['jim', 'jimmy', 'jamie', 'jay'],
  janet: ['jan', 'jen'],
  jennifer: ['jen', 'jenny', 'jenna'],
  jessica: ['jess', 'jessie'],
  jonathan: ['jon', 'jonny'],
  joseph: ['joe', 'joey'],
  josephine: ['jo', 'josie'],
  joshua: ['josh'],
  karen: ['kaz', 'kazza'],
  kerry: ['kez', 'kaz', 'kezza'],
  kimberley: ['kim'],
  kimberly: ['kim'],
  lawrence: ['larry', 'laurie'],
  leonard: ['len', 'lenny', 'leo'],
  margaret: ['maggie', 'meg', 'peggy', 'marge', 'madge', 'mags'],
  matthew: ['matt', 'matty'],
  michael: ['mike', 'mick', 'micky', 'mikey'],
  mohammed: ['mo', 'moe'],
  muhammad: ['mo', 'moe'],
  mohammad: ['mo', 'moe'],
  mohamed: ['mo', 'moe'],
  maureen: ['mo'],
  morris: ['mo'],
  natalie: ['nat'],
  nathan: ['nate', 'nat'],
  nathaniel: ['nate', 'nat'],
  nicholas: ['nick', 'nicky'],
  nicola: ['nicky', 'nic', 'nikki'],
  oliver: ['ollie', 'olly'],
  patricia: ['pat', 'patsy', 'trish', 'tricia'],
  patrick: ['pat', 'paddy'],
  rebecca: ['becky', 'becca', 'bex'],
  richard: ['rich', 'rick', 'ricky', 'dick'],
  robert: ['rob', 'bob', 'bobby', 'robbie', 'bert'],
  samantha: ['sam', 'sammy'],
  samuel: ['sam', 'sammy'],
  sarah: ['sal', 'sally', 'sadie'],
  sharon: ['shaz', 'shazza'],
  stephen: ['steve', 'stevie'],
  steven: ['steve', 'stevie'],
  susan: ['sue', 'susie', 'suzy'],
  terence: ['terry', 'tel'],
  theodore: ['theo', 'ted'],
  thomas: ['tom', 'tommy'],
  timothy: ['tim', 'timmy'],
  valerie: ['val'],
  victoria: ['vicky', 'vicki', 'tori'],
  william: ['will', 'bill', 'billy', 'liam', 'willie'],
  zachary: ['zach', 'zak'],
  zoe: ['zo'],
  alison: ['ali'],
  alistair: ['ali', 'al'],
  ibrahim: ['ibby'],
  abdullah: ['abdul'],
  aleksander: ['olek', 'alek'],
  siobhan: ['shiv'],
};

/** Spellings of one first name (transliterations and common variants), each flagged for any other. */
export const SPELLINGS: readonly (readonly string[])[] = [
  ['mohammed', 'mohamed', 'mohammad', 'muhammad', 'muhammed', 'mohamad', 'mohammod'],
  ['catherine', 'katherine', 'kathryn', 'katharine'],
  ['stephen', 'steven'],
  ['zoe', 'zoey'],
  ['sean', 'shaun', 'shawn'],
  ['siobhan', 'shivaun', 'chevonne'],
  ['aleksander', 'alexander', 'aleksandr'],
  ['leanne', 'lee-anne', 'leeann'],
  ['kerry', 'kerrie', 'keri'],
  ['jayden', 'jaden', 'jaiden'],
  ['aisha', 'ayesha', 'aysha'],
];

/** Every diminutive of a first name, every formal name it shortens and its other spellings, folded; empty when it is in none. */
export function relatedNames(folded: string): string[] {
  const out = new Set<string>(NICKNAMES[folded] ?? []);
  for (const group of SPELLINGS) if (group.includes(folded)) for (const g of group) out.add(g);
  for (const [formal, shorts] of Object.entries(NICKNAMES)) if (shorts.includes(folded)) out.add(formal);
  out.delete(folded);
  return [...out];
}
