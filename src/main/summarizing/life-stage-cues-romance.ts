/**
 * Life-stage cues in French, Spanish, Italian and Portuguese (see life-stage-cues.ts for what each
 * field means). Children count only after an owning word or a possessive; a retirement or a studies
 * phrase only where it is the persona's: "a mis à la retraite sa vieille camionnette" is not retired.
 */
import { cue, numberWords, type LanguageCues } from './life-stage-cues';

const r = String.raw;

const FR_N = numberWords(['un/une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf']);
const FR_CHILD = r`(?:enfants?|fils|filles?|garçons?|bébés?|ados|adolescente?s|jumeaux|jumelles|triplés)`;
const FR_PARTNER = r`(?:mari|époux|épouse|femme|conjointe?|compagne|compagnon)`;
export const FRENCH: LanguageCues = {
  retired: cue(r`\bretraitée?s?\b|\b(?:est|suis|sont|désormais|maintenant) (?:à la|en) retraite\b|\bà la retraite depuis\b|\b(?:partie?|partis) (?:à la|en) retraite\b|\ba pris sa retraite\b`),
  retiredOthers: cue(r`\b(?:mari|femme|épouse|compagne|compagnon|conjointe?|parents?|mère|père|beaux-parents|voisine?s?|clients?|clientes?|amie?s?|sœur|frère|associée?|patronne?)\b,?\s+(?:[\p{L}-]+\s+){0,3}?(?:retraitée?s?|à la retraite|en retraite|a pris sa retraite)\b|\b(?:des|aux|pour les|les) retraitée?s\b`, 'giu'),
  studentJob: cue(r`^\s*(?:étudiante?|lycéenne?|doctorante?|élève)\b`),
  studentSelf: cue(r`\b(?:est|suis) (?:une? )?(?:étudiante?|lycéenne?|doctorante?)\b|\bétudiante? (?:en|à|de)\b|\b(?:prépare|fait|suit|poursuit) (?:son|sa|ses|un|une) (?:master|licence|doctorat|thèse|BTS|DUT|prépa|études)\b|\ben (?:première|deuxième|troisième|dernière|\d+e) année (?:de|d['’]|à)`),
  childFree: cue(r`\b(?:pas|sans|aucun) d?['’]?\s*enfants?\b|\bsans enfants?\b`),
  children: cue(
    [
      r`\b(?:ses|leurs?|son|sa|mes|mon|ma|nos|notre)\s+(?:(?:NUM|jeunes?|petits?|petites?|grands?|grandes?|propres?|aînée?|cadette?|benjamine?)\s+){0,2}${FR_CHILD}\b`,
      r`\b(?:a|ont|ai|avons|ayant|élève|élèvent|élevant|élever|élevé|élevée)\s+(?:seule?s?\s+)?NUM\s+(?:[\p{L}\d-]+\s+)?${FR_CHILD}\b`,
      r`(?<!\b(?:sa|son|ma|mon|leur|la|le)\s)\b(?:mère|maman|père|papa|parent)\s+(?:de|d['’])\s*(?:NUM\s+)?(?:[\p{L}-]+\s+)?${FR_CHILD}\b`,
      r`\b(?:mère|père) de famille\b|\b(?:mère|maman|père|papa) (?:célibataire|solo|au foyer|seule?)\b|\b(?:est|devenue?) (?:maman|papa)\b`,
      r`\b${FR_PARTNER}\s+et\s+(?:(?:ses|leurs)\s+)?NUM\s+(?:[\p{L}-]+\s+)?${FR_CHILD}\b`,
    ].join('|'),
    'giu',
    FR_N,
  ),
  grown: cue(r`\b(?:arrière-)?petits-enfants\b|\bpetite?s?-(?:filles?|fils)\b|\b(?:est|devenue?|fière|fier) (?:grand-mère|grand-père|mamie|papi)\b|\bgrand-(?:mère|père) (?:de|d['’])\s*(?:NUM|plusieurs|nombreux)\b|\benfants (?:sont |ont )?(?:déjà |tous )?(?:adultes|majeurs|grands|partis|indépendants|quitté la maison)\b|\bnid vide\b|\benfants adultes\b`, 'giu', FR_N),
  notOwn: cue(r`\b(?:enseign\w*|élèves|classe|cours|patients?|patientes?|clients?|clientes?|gardes? (?:d['’]enfants|des enfants|les enfants)|nounou|baby-?sitt\w*|roman|romans|livres?|histoire|récit|personnage|héroïne|héros|film|série|conte|auteure?|écrit|travaille avec|bénévole|anim\w+|attend|enceinte)\b`),
  young: cue(r`\b(?:bébés?|nourrissons?|tout-petits?|crèche|maternelle|école primaire|primaire|CP|CE1|CE2|CM1|CM2|NUM mois)\b`, 'iu', FR_N),
  teen: cue(r`\b(?:ados?|adolescente?s?|collège|collégiens?|collégiennes?|lycée|lycéens?|lycéennes?|bac)\b`),
  ages: cue(r`(?:\b(?:de|d['’]|âgée?s? de)\s*|[,(]\s*)NUM(?:\s*(?:,|et|&)\s*NUM)*\s*ans\b(?! d['’]expérience| de (?:carrière|métier|mariage))|\(\s*\d{1,2}(?:\s*(?:,|et)\s*\d{1,2})*\s*\)`, 'giu', FR_N),
  numbers: FR_N,
  partner: cue(r`\b(?:mari|époux|épouse|conjointe?|compagnon|compagne|concubine?|petit ami|petite amie|fiancée?|mariée?s?|pacsée?s?|en couple)\b(?! de (?:classe|route|voyage|chambre|jeu|cordée))|\b(?:sa|avec sa|et sa) femme\b`),
  notPartner: cue(r`\bex-?(?:mari|femme|épouse|compagnon|compagne|conjointe?)\b|\b(?:feu|défunte?|regrettée?) (?:son |sa )?(?:mari|épouse|femme|compagnon|compagne)\b|\b(?:mari|épouse|femme|compagnon|compagne) (?:est )?décédée?\b|\bveu(?:f|ve)\b|\bdivorcée?\b|\bséparée?\b|\bcélibataire\b|\b(?:jamais|pas) mariée?\b`, 'giu'),
  sharing: cue(r`\bcolocataires?\b|\bcolocation\b|\ben coloc\b|\brésidence (?:universitaire|étudiante)\b|\bcité universitaire\b|\bfoyer de jeunes travailleurs\b|\b(?:vit|habite|partage (?:un|une|son|sa) (?:appartement|appart|maison|logement)) avec (?:deux|trois|quatre|des|ses|un|une) (?:[\p{L}-]+ )?(?:amie?s?|colocs?|collègues?|cousine?s?|sœurs?|frères?)\b`),
  withParents: cue(r`\b(?:vit|habite|vivant|habitant|loge|retourné\w* vivre) (?:encore |toujours )?(?:chez|avec) (?:ses|son|sa) (?:parents|mère|père)\b`),
  alone: cue(r`\b(?:vit|habite|vivant|habitant|vivre) (?:[\p{L}-]+ ){0,2}?seule?\b(?! avec)|\bvit en solo\b`),
  relatives: cue(r`\b(?:fils|filles?|enfants?|mari|femme|épouse|compagn\w+|frère|sœur|neveu|nièce|parents?|mère|père)\b`),
  others: cue(r`\b(?:sœur|frère|belle-sœur|beau-frère|amie?|copine?|voisine?|collègues?|cousine?)\b`),
};

const ES_N = numberWords(['un/uno/una', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve']);
const ES_CHILD = r`(?:hij[oa]s?|niñ[oa]s?|bebés?|peques|adolescentes|mellizos|mellizas|gemel[oa]s)`;
const ES_PARTNER = r`(?:marido|espos[oa]|mujer|pareja|novi[oa])`;
export const SPANISH: LanguageCues = {
  retired: cue(r`\bjubilad[oa]s?\b|\bse jubiló\b|\bprejubilad[oa]\b|\bestá (?:ya )?retirad[oa]\b|\bpensionista\b`),
  retiredOthers: cue(r`\b(?:padres?|madre|marido|mujer|espos[oa]|pareja|suegr[oa]s?|vecin[oa]s?|clientes?|amig[oa]s?|herman[oa]s?|soci[oa]|jef[ea])\b\s+(?:[\p{L}-]+\s+){0,3}?(?:jubilad[oa]s?|retirad[oa]s?|pensionistas?|se jubiló)\b|\b(?:los|a|para|de) (?:jubilados|pensionistas)\b`, 'giu'),
  studentJob: cue(r`^\s*(?:estudiante|universitari[oa]|doctorand[oa]|alumn[oa])\b`),
  studentSelf: cue(r`\b(?:es|soy) (?:un |una )?(?:estudiante|universitari[oa]|doctorand[oa])\b|\bestudiante de\b|\bestudia (?:[\p{L}]+ )?(?:en la|en el|la carrera|el grado|un máster|el máster)\b|\bcursa (?:un |el |su )?(?:[\p{L}]+ )?(?:año|curso|grado|máster|doctorado|carrera|bachillerato)\b`),
  childFree: cue(r`\bsin (?:hij[oa]s|niñ[oa]s|descendencia)\b|\bno (?:tiene|tienen|tengo|tenemos) (?:hij[oa]s|niñ[oa]s)\b|\bningún hijo\b`),
  children: cue(
    [
      r`\b(?:sus|su|mis|mi|nuestr[oa]s?)\s+(?:(?:NUM|pequeñ[oa]s?|mayores|propios)\s+){0,2}${ES_CHILD}\b`,
      r`\b(?:tiene|tienen|tengo|tenemos|cría|crían|criando)\s+(?:sol[oa]\s+)?(?:a\s+)?NUM\s+(?:[\p{L}\d-]+\s+)?${ES_CHILD}\b`,
      r`(?<!\b(?:su|la|el|mi)\s)\b(?:madre|padre|mamá|papá)\s+de\s+(?:NUM\s+)?(?:[\p{L}-]+\s+)?${ES_CHILD}\b`,
      r`\b(?:madre|padre) (?:soltera?|sol[oa]|de familia)\b|\b(?:es|ser) (?:madre|padre|mamá|papá)\b(?! de (?:su|sus|la|el)\b)`,
      r`\b${ES_PARTNER}\s+y\s+(?:sus\s+)?NUM\s+(?:[\p{L}-]+\s+)?${ES_CHILD}\b`,
    ].join('|'),
    'giu',
    ES_N,
  ),
  grown: cue(r`\b(?:sus|mis|NUM) niet[oa]s\b|\b(?:es|ser|como) abuel[oa]\b|\babuel[oa] de (?:NUM|varios|muchos)\b|\bhij[oa]s (?:ya )?(?:mayores de edad|adultos|independizados|emancipados|casados)\b|\bnido vacío\b`, 'giu', ES_N),
  notOwn: cue(r`\b(?:enseña\w*|da clases?|profesor\w*|maestr[oa]|alumn\w*|pacientes?|clientes?|cuida (?:de|a)|niñera|canguro|trabaja con|novela|serie|libros?|cuento|película|protagonista|personaje|heroína|escribe|editorial|espera|embarazada)\b`),
  young: cue(r`\b(?:bebés?|recién nacid[oa]s?|guardería|infantil|preescolar|primaria|peques|pequeñ[oa]s|NUM meses)\b`, 'iu', ES_N),
  teen: cue(r`\b(?:adolescentes?|instituto|secundaria|bachillerato|ESO)\b`),
  ages: cue(r`(?:\b(?:de|con)\s+|[,(]\s*)NUM(?:\s*(?:,|y|e|&)\s*NUM)*\s*años\b(?! de (?:experiencia|carrera|casad))|\(\s*\d{1,2}(?:\s*(?:,|y)\s*\d{1,2})*\s*\)`, 'giu', ES_N),
  numbers: ES_N,
  partner: cue(r`\b(?:marido|espos[oa]|novi[oa]|prometid[oa]|casad[oa]s?|cónyuge)\b|\bpareja\b(?! de (?:baile|tenis|pádel|trabajo|hecho))|\b(?:su|con su|y su) mujer\b`),
  notPartner: cue(r`\bex-?\s?(?:marido|mujer|espos[oa]|pareja|novi[oa])\b|\bviud[oa]\b|\bdivorciad[oa]\b|\bseparad[oa]\b|\bsolter[oa]\b|\bdifunto (?:marido|esposo)\b|\b(?:falleció|murió) su (?:marido|esposa|mujer|pareja)\b|\bno está casad[oa]\b|\bnunca se casó\b`, 'giu'),
  sharing: cue(r`\bcomparte (?:piso|casa|apartamento|habitación)\b|\b(?:piso|casa|apartamento) que comparte con\b|\bcomparte (?:piso |casa )?con (?:dos|tres|cuatro|unos|unas|varios|varias|sus|un|una) (?:[\p{L}]+ )?(?:amig[oa]s?|compañer[oa]s?)\b|\bpiso compartido\b|\bcompañer[oa]s de piso\b|\bresidencia (?:de estudiantes|universitaria)\b|\bcolegio mayor\b|\bvive con (?:dos|tres|cuatro|unos|unas|varios|varias|sus|un|una) (?:[\p{L}]+ )?(?:amig[oa]s?|compañer[oa]s?|prim[oa]s?|herman[oa]s?)\b`),
  withParents: cue(r`\b(?:vive|vuelve a vivir|sigue viviendo|viviendo|reside) (?:todavía |aún )?(?:con (?:sus|su) (?:padres|madre|padre)|en casa de (?:sus|su) (?:padres|madre|padre))\b`),
  alone: cue(r`\b(?:vive|viviendo|reside) (?:[\p{L}]+ ){0,2}?sol[oa]\b(?! con)`),
  relatives: cue(r`\b(?:hij[oa]s?|marido|mujer|espos[oa]|pareja|herman[oa]s?|sobrin[oa]s?|padres?|madre)\b`),
  others: cue(r`\b(?:herman[oa]|amig[oa]|vecin[oa]|colega|compañer[oa] de trabajo|prim[oa]|cuñad[oa])\b`),
};

const IT_N = numberWords(['un/uno/una', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove']);
const IT_CHILD = r`(?:figli[oa]?|figlie|bambin[ioae]|bimb[ioae]|neonat[oa]|gemell[ioae]|adolescenti)`;
const IT_PARTNER = r`(?:marito|moglie|compagn[oa]|fidanzat[oa])`;
export const ITALIAN: LanguageCues = {
  retired: cue(r`\bin pensione\b|\bpensionat[oa]\b(?! (?:per|universitario|femminile|maschile))`),
  retiredOthers: cue(r`\b(?:genitori|madre|padre|marito|moglie|compagn[oa]|suoceri|vicin[io]|client[ie]|amic[ioe]|fratell[io]|sorell[ae]|soci[oa]|capo)\b\s+(?:[\p{L}-]+\s+){0,3}?(?:in pensione|pensionat[ioae])\b|\b(?:per|ai|i|dei) pensionati\b|\b(?:mandat[oa]|mandare|manda|mandò|mess[oa]|mettere|andrà|andare|va|prima della|prima di andare) in pensione\b`, 'giu'),
  studentJob: cue(r`^\s*(?:studente|studentessa|universitari[oa]|laureand[oa]|dottorand[oa]|liceale)\b`),
  studentSelf: cue(r`\b(?:è|e) (?:uno |una )?(?:studente|studentessa|universitari[oa]|laureand[oa]|dottorand[oa]|liceale)\b|\bstudia (?:[\p{L}]+ )?(?:all['’]|alla|al|presso)|\bfrequenta (?:il |l['’]|la )?(?:(?:primo|secondo|terzo|quarto|quinto|ultimo) )?(?:anno|università|liceo|facoltà|corso)\b|\biscritt[oa] (?:a|al|all['’]|alla)\b`),
  childFree: cue(r`\bsenza figli\b|\bnon (?:ha|hanno|ho|abbiamo|vuole) figli\b|\bnessun figlio\b`),
  children: cue(
    [
      r`\b(?:i suoi|le sue|il suo|la sua|suo|sua|i miei|le mie|mio|mia|i loro|il loro|la loro)\s+(?:(?:NUM|piccol[aeio]|propri)\s+){0,2}${IT_CHILD}\b`,
      r`\b(?:ha|hanno|ho|abbiamo|cresce|crescono)\s+(?:da sol[ao]\s+)?NUM\s+(?:[\p{L}\d-]+\s+)?${IT_CHILD}\b`,
      r`(?<!\b(?:sua|la|il|mia|suo)\s)\b(?:madre|mamma|padre|papà)\s+di\s+(?:NUM\s+)?(?:[\p{L}-]+\s+)?${IT_CHILD}\b`,
      r`\b(?:mamma|madre|papà|padre) (?:single|separat[oa]|divorziat[oa]|a tempo pieno)\b|\bragazza madre\b|\b(?:è|e) (?:mamma|papà)\b`,
      r`\b${IT_PARTNER}\s+e\s+(?:(?:i|il|la|le)\s+)?(?:NUM\s+)?(?:[\p{L}-]+\s+)?${IT_CHILD}\b`,
    ].join('|'),
    'giu',
    IT_N,
  ),
  grown: cue(r`\bnipotini\b|\b(?:è|e) (?:nonn[oa])\b|\bnonn[oa] di (?:NUM|tanti|molti)\b|\bfigli (?:ormai |già )?(?:grandi|adulti|maggiorenni|sposati|fuori casa)\b|\bnido vuoto\b`, 'giu', IT_N),
  notOwn: cue(r`\b(?:insegn\w*|maestr[ao]|alunn\w*|classe|pazienti|clienti|baby-?sitter|tata|lavora con|romanzo|libr[oi]|storia|racconto|protagonista|personaggio|eroina|film|serie|fiaba|scrive|aspetta|incinta)\b`),
  young: cue(r`\b(?:neonat\w*|asilo|al nido|scuola materna|scuola dell['’]infanzia|elementari|elementare|scuola primaria|primaria|piccol[ioae]|bambin[ioae]|bimb[ioae]|NUM mesi)\b`, 'iu', IT_N),
  teen: cue(r`\b(?:adolescent\w*|liceo|scuole medie|scuola media|alle medie|superiori)\b`),
  ages: cue(r`(?:\b(?:di|da)\s+|[,(]\s*)NUM(?:\s*(?:,|e|&)\s*NUM)*\s*anni\b(?! di (?:esperienza|carriera|matrimonio))|\(\s*\d{1,2}(?:\s*(?:,|e)\s*\d{1,2})*\s*\)`, 'giu', IT_N),
  numbers: IT_N,
  partner: cue(r`\b(?:marito|moglie|fidanzat[oa]|sposat[oa]|coniuge)\b|\bcompagn[oa]\b(?! di)|\b(?:il suo|con il|col|con la sua) partner\b`),
  notPartner: cue(r`\bex[- ]?(?:marito|moglie|compagn[oa]|fidanzat[oa])\b|\bvedov[oa]\b|\bseparat[oa]\b|\bdivorziat[oa]\b|\bnubile\b|\bcelibe\b|\bdefunto marito\b|\bmarito (?:è )?(?:morto|scomparso)\b|\b(?:non è|mai) sposat[oa]\b`, 'giu'),
  sharing: cue(r`\bcoinquilin[ioae]\b|\bappartamento condiviso\b|\bdivide (?:un |l['’]|la )?(?:appartamento|casa|stanza|camera)\b|\bstudentato\b|\bresidenza universitaria\b|\bcasa dello studente\b|\bvive con (?:due|tre|quattro|alcuni|alcune|degli|delle) (?:amic[ioe]|colleghi|colleghe)\b`),
  withParents: cue(r`\b(?:vive|abita|sta) (?:ancora )?(?:con|dai|coi|presso) (?:i )?(?:suoi )?(?:genitori|la madre|il padre|la mamma)\b`),
  alone: cue(r`\b(?:vive|abita) (?:[\p{L}]+ ){0,2}?da sol[oa]\b(?! con)|\bvive sol[oa]\b(?! con)`),
  relatives: cue(r`\b(?:figli[oa]?|figlie|marito|moglie|compagn[oa]|fratell[oi]|sorell[ae]|nipot[ei]|genitori|madre|padre)\b`),
  others: cue(r`\b(?:sorella|fratello|amic[oa]|vicin[oa]|collega|cugin[oa]|cognat[oa])\b`),
};

const PT_N = numberWords(['um/uma', 'dois/duas', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez', 'onze', 'doze', 'treze', 'catorze/quatorze', 'quinze', 'dezesseis/dezasseis', 'dezessete/dezassete', 'dezoito', 'dezenove/dezanove']);
const PT_CHILD = r`(?:filh[oa]s?|crianças?|bebês?|bebés?|gême[oa]s|meninos|meninas|adolescentes)`;
const PT_PARTNER = r`(?:marido|espos[oa]|mulher|namorad[oa]|companheir[oa])`;
export const PORTUGUESE: LanguageCues = {
  retired: cue(r`\baposentad[oa]s?\b|\bse aposentou\b|\baposentou-se\b|\baposentou(?= (?:em|há|no|faz|cedo)\b|[.,])|\b(?:é|está|estou|já) reformad[oa]\b|\bna reforma\b`),
  retiredOthers: cue(r`\b(?:pais|pai|mãe|marido|esposa|esposo|mulher|avós|sogr[oa]s?|vizinh[oa]s?|clientes?|irmã|irmão|amig[oa]s?|sóci[oa]|chefe)\b\s+(?:[\p{L}-]+\s+){0,3}?(?:aposentad[oa]s?|reformad[oa]s?|se aposentou|aposentou(?:-se)?)\b|\b(?:os|aos|para|de) aposentados\b`, 'giu'),
  studentJob: cue(r`^\s*(?:estudante|universitári[oa]|vestibuland[oa]|mestrand[oa]|doutorand[oa]|alun[oa])\b`),
  studentSelf: cue(r`\b(?:é|sou) (?:um |uma )?(?:estudante|universitári[oa]|alun[oa]|mestrand[oa]|doutorand[oa]|vestibuland[oa])\b|\bcursa (?:o |a )?(?:[\p{L}]+ )?(?:ano|semestre|faculdade|graduação|mestrado|doutorado|curso)\b|\bfaz (?:faculdade|mestrado|doutorado|graduação|cursinho)\b|\bestuda (?:[\p{L}]+ )?(?:na|no) (?:faculdade|universidade|USP|Unicamp|\p{Lu}{2,})`),
  childFree: cue(r`\bsem filhos\b|\bnão (?:tem|têm|tenho|temos) filhos\b|\bnenhum filho\b|\bnão quer(?:em)? (?:ter )?filhos\b`),
  children: cue(
    [
      r`\b(?:seus|suas|seu|sua|meus|minhas|meu|minha|nossos?|nossas?)\s+(?:(?:NUM|pequen[oa]s?|próprios)\s+){0,2}${PT_CHILD}\b`,
      r`\b${PT_CHILD}\s+(?:dela|dele|deles|delas)\b`,
      r`\b(?:tem|têm|tenho|temos|cria|criam|criando)\s+(?:sozinh[oa]\s+)?NUM\s+(?:[\p{L}\d-]+\s+){0,2}?${PT_CHILD}\b`,
      r`(?<!\b(?:sua|seu|a|o|minha)\s)\b(?:mãe|pai|mamãe|papai)\s+de\s+(?:NUM\s+)?(?:[\p{L}-]+\s+)?${PT_CHILD}\b`,
      r`\b(?:mãe|pai) (?:solo|solteir[oa]|de primeira viagem)\b|\b(?:é|virou|tornou-se) (?:mãe|pai)\b(?! de (?:sua|seu|uma|um)\b)`,
      r`\b${PT_PARTNER}\s+e\s+(?:(?:os|o|a|as)\s+)?(?:NUM\s+)?(?:[\p{L}-]+\s+)?${PT_CHILD}\b`,
    ].join('|'),
    'giu',
    PT_N,
  ),
  grown: cue(r`\b(?:seus|suas|NUM) net[oa]s\b|\bnetinh[oa]s\b|\b(?:é|virou) (?:avó|avô)\b|\b(?:avó|avô) de (?:NUM|vários|muitos)\b|\bfilhos (?:já )?(?:adultos|crescidos|casados|formados|saíram de casa)\b|\bninho vazio\b`, 'giu', PT_N),
  notOwn: cue(r`\b(?:ensin\w*|dá aulas?|aula|professor\w*|alun[oa]s|pacientes?|clientes?|babá|cuida de|trabalha com|novela|romance|livros?|história|conto|filme|série|protagonista|personagem|heroína|escreve|espera|grávida)\b`),
  young: cue(r`\b(?:bebês?|bebés?|recém-nascid[oa]s?|creche|berçário|pré-escola|educação infantil|primário|pequen[oa]s|NUM meses)\b`, 'iu', PT_N),
  teen: cue(r`\b(?:adolescentes?|ensino médio|colegial|vestibular|adolescência)\b`),
  ages: cue(r`(?:\b(?:de|com)\s+|[,(]\s*)NUM(?:\s*(?:,|e|&)\s*NUM)*\s*anos\b(?! de (?:experiência|carreira|casad))|\(\s*\d{1,2}(?:\s*(?:,|e)\s*\d{1,2})*\s*\)`, 'giu', PT_N),
  numbers: PT_N,
  partner: cue(r`\b(?:marido|espos[oa]|namorad[oa]|noiv[oa]|casad[oa]s?|cônjuge|união estável)\b|\bcompanheir[oa]\b(?! de)|\b(?:sua|com a|e a) mulher\b`),
  notPartner: cue(r`\bex-?\s?(?:marido|mulher|espos[oa]|namorad[oa]|companheir[oa])\b|\bviúv[oa]\b|\bseparad[oa]\b|\bdivorciad[oa]\b|\bsolteir[oa]\b|\bfalecido marido\b|\b(?:marido|esposa) (?:faleceu|morreu)\b|\bperdeu o marido\b|\b(?:nunca|não é) casad[oa]\b`, 'giu'),
  sharing: cue(r`\bdivide (?:um |o |uma |a )?(?:apartamento|apê|casa|quarto|aluguel)\b|\bdividem (?:um |uma )?(?:apartamento|casa)\b|\bmora (?:numa|em uma|na) república\b|\brepública estudantil\b|\bcolegas de (?:quarto|apartamento|casa)\b|\bmoradia estudantil\b|\balojamento estudantil\b|\bmora com (?:dois|duas|três|uns|umas|alguns|algumas) (?:amig[oa]s|colegas)\b`),
  withParents: cue(r`\b(?:mora|vive|morando|vivendo) (?:ainda |até hoje )?(?:com os (?:seus )?pais|com (?:a|o) (?:mãe|pai)|na casa dos (?:seus )?pais)\b`),
  alone: cue(r`\b(?:mora|vive) (?:[\p{L}]+ ){0,2}?sozinh[oa]\b(?! com)|\bmora só\b`),
  relatives: cue(r`\b(?:filh[oa]s?|marido|mulher|espos[oa]|irm[ãa]o?s?|sobrinh[oa]s?|pais|mãe|pai)\b`),
  others: cue(r`\b(?:irmã|irmão|amig[oa]|vizinh[oa]|colega|prim[oa]|cunhad[oa])\b`),
};
