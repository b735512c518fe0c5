/**
 * Questions in French, Spanish, German, Italian or Portuguese read as rough English, word by word:
 * enough for the engine to see the question's form and topic. Answers stay in English.
 */
import { normalizeForMatch } from '../../world';

type Lang = 'fr' | 'es' | 'de' | 'it' | 'pt';

/** Function words that mark a language; a question is read as one when it has two more of them than of English. */
const MARKERS: Record<Lang | 'en', string> = {
  en: 'the you your do does what how why when where who is are would could have with for about',
  fr: 'vous votre vos est ce qu quel quelle quels pourquoi combien comment etes avez faites tu ton ta tes les des une avec pour',
  es: 'usted cual cuanto cuanta cuantos donde que lo mas te tu tus el los las es por con para como',
  de: 'sie ihr ihre ihren ihrem wie warum was wo wann wer welche heute und der die das ist fur du dein deine mit',
  it: 'come perche quanto quanti dove cosa chi il del della tuo tua tuoi ti lei per di sono hai',
  pt: 'voce onde quem seu sua teu tua mais para do da os as nao como que',
};

/** Each language's words as English; phrases of two words are read first. Cognates ("hospital", "software") need no entry;
 * a "+" joins a phrase's words, "_" is a space ("how_much") or, alone, a word dropped. */
const WORDS: Record<Lang, string> = {
  fr: `est+ce=_ qu+est=what comment=how pourquoi=why combien=how_much quand=when ou=where que=what quoi=what qu=what quel=what quelle=what quels=what quelles=what qui=who
    vous=you tu=you te=you votre=your vos=your ton=your ta=your tes=your allez=go vas=go aller=go rendez=get universite=university fac=university ecole=school
    travail=work travaillez=work velo=bike voiture=car pied=foot maison=home chez=home prix=price cout=cost payer=pay payez=pay paieriez=would_pay cher=expensive argent=money
    cuisiner=cooking cuisinez=cook repas=meal manger=eat mangez=eat dormir=sleep dormez=sleep chien=dog chat=cat nourriture=food famille=family enfants=children
    achetez=buy acheter=buy aimez=like frustre=frustrates probleme=problem difficile=hard objectif=goal objectifs=goals importe=matters temps=time semaine=week
    libre=free loisirs=hobbies jardin=garden pelouse=lawn vol=theft vole=stolen protegez=protect proteger=protect entreprise=company fournisseur=supplier
    camion=truck camions=trucks hopital=hospital lits=beds confiance=trust utiliseriez=would_use essaieriez=would_try le=the la=the les=the l=the du=of des=of de=of
    a=to au=to aux=to pour=for avec=with sur=about dans=in en=in et=and le+plus=most plus=more faites=do faire=do
    inquiete=worries inquiet=worries preoccupe=worries informez=find_out renseignez=find_out nouveaux=new nouveau=new produits=products important=important`,
  es: `por+que=why porque=why como=how cuanto=how_much cuanta=how_much cuantos=how_many cuantas=how_many cuando=when donde=where que=what quien=who cual=which
    usted=you tu=you te=you su=your sus=your tus=your lo=_ mas=most frustra=frustrates cocinar=cooking cocinas=cook comida=food perro=dog gato=cat trabajo=work
    universidad=university bicicleta=bike bici=bike coche=car carro=car casa=home precio=price pagar=pay pagarias=would_pay pagaria=would_pay dinero=money gastas=spend
    gasta=spend gastar=spend dormir=sleep duermes=sleep familia=family hijos=children importante=important tiempo=time semana=week jardin=garden cesped=lawn robo=theft
    robado=stolen proteges=protect proteger=protect empresa=company proveedor=supplier camiones=trucks camas=beds confianza=trust usarias=would_use usaria=would_use
    probarias=would_try comprarias=would_buy vas=go va=go ir=go llegas=get el=the la=the los=the las=the de=of del=of en=in para=for con=with es=is y=and
    preocupa=worries informas=find_out informa=find_out enteras=find_out nuevos=new nuevo=new productos=products sobre=about`,
  de: `wie+viel=how_much wie+viele=how_many wieviel=how_much wie=how warum=why wieso=why weshalb=why wann=when wo=where wohin=where was=what wer=who welche=which
    welcher=which sie=you du=you dich=you dir=you ihr=your ihre=your ihren=your ihrem=your dein=your deine=your deinen=your schutzen=protect schuetzen=protect
    fahrrad=bike rad=bike heute=today arbeit=work arbeiten=work universitat=university uni=university auto=car zug=train bahn=train fuss=foot hause=home preis=price
    kosten=cost kostet=costs zahlen=pay bezahlen=pay geld=money kochen=cooking essen=food hund=dog katze=cat schlafen=sleep familie=family kinder=children
    wichtig=important zeit=time woche=week wochenende=weekend garten=garden rasen=lawn diebstahl=theft gestohlen=stolen firma=company unternehmen=company
    lieferant=supplier lkw=trucks krankenhaus=hospital betten=beds vertrauen=trust nutzen=use benutzen=use wurden=would kaufen=buy ausprobieren=try argert=annoys
    nervt=annoys schwierig=hard ziel=goal ziele=goals fahren=get kommen=get gehen=go der=the die=the das=the den=the dem=the und=and ist=is sind=are haben=have
    hast=have hat=has machen=do machst=do mit=with fur=for am=in im=in zur=to zum=to ausgeben=spend gibst=spend
    ihnen=you wichtigsten=important wichtiger=important sorgen=worries informieren=find_out neue=new produkte=products uber=about`,
  it: `come=how perche=why quanto=how_much quanta=how_much quanti=how_many quante=how_many quando=when dove=where cosa=what che=what chi=who quale=which tu=you
    ti=you lei=you tuo=your tua=your tuoi=your tue=your suo=your sua=your spendi=spend spende=spend spendere=spend cibo=food cane=dog gatto=cat lavoro=work
    universita=university bici=bike bicicletta=bike macchina=car casa=home prezzo=price pagare=pay pagheresti=would_pay soldi=money cucinare=cooking dormire=sleep
    famiglia=family figli=children tempo=time settimana=week giardino=garden prato=lawn furto=theft rubato=stolen proteggi=protect proteggere=protect azienda=company
    fornitore=supplier ospedale=hospital letti=beds fiducia=trust useresti=would_use proveresti=would_try compreresti=would_buy vai=go andare=go per=for il=the lo=the
    la=the i=the gli=the le=the del=of della=of dello=of di=of e=and in=in piu=most con=with
    preoccupa=worries informi=find_out nuovi=new prodotti=products importante=important`,
  pt: `o+que=what por+que=why porque=why como=how quanto=how_much quanta=how_much quantos=how_many quando=when onde=where que=what quem=who qual=which voce=you
    tu=you te=you seu=your sua=your seus=your suas=your teu=your tua=your e=is mais=most importante=important para=for trabalho=work universidade=university
    faculdade=university bicicleta=bike carro=car casa=home preco=price pagar=pay pagaria=would_pay dinheiro=money gasta=spend gastar=spend cozinhar=cooking
    comida=food cachorro=dog cao=dog gato=cat dormir=sleep familia=family filhos=children tempo=time semana=week jardim=garden gramado=lawn relva=lawn roubo=theft
    roubado=stolen proteger=protect protege=protect empresa=company fornecedor=supplier caminhoes=trucks camas=beds confianca=trust usaria=would_use
    experimentaria=would_try compraria=would_buy vai=go ir=go o=the a=the os=the as=the do=of da=of de=of em=in no=in na=in com=with
    preocupa=worries informa=find_out novos=new produtos=products sobre=about`,
};

const TABLES = Object.fromEntries(
  (Object.entries(WORDS) as Array<[Lang, string]>).map(([lang, text]) => [
    lang,
    new Map(text.trim().split(/\s+/).map((pair) => {
      const [from, to] = pair.split('=') as [string, string];
      return [from.replace(/\+/g, ' '), to.replace(/_/g, ' ').trim()] as const;
    })),
  ]),
) as Record<Lang, Map<string, string>>;

const MARKER_SETS = Object.fromEntries(Object.entries(MARKERS).map(([lang, words]) => [lang, new Set(words.split(' '))])) as Record<Lang | 'en', Set<string>>;

/** The question's language when it is not English, by its function words (an inverted "¿" is Spanish). */
export function languageOf(question: string): Lang | null {
  const words = normalizeForMatch(question).trim().split(' ');
  const count = (lang: Lang | 'en') => words.filter((w) => MARKER_SETS[lang].has(w)).length;
  const english = count('en');
  let best: Lang | null = null;
  let top = 0;
  for (const lang of ['fr', 'es', 'de', 'it', 'pt'] as const) {
    const n = count(lang) + (lang === 'es' && /[¿¡]/.test(question) ? 2 : 0);
    if (n > top) [best, top] = [lang, n];
  }
  return best && top >= english + 2 ? best : null;
}

/** The question in rough English when it is in one of the five languages, else as it was. */
export function toEnglish(question: string): string {
  const lang = languageOf(question);
  if (!lang) return question;
  const table = TABLES[lang];
  const words = normalizeForMatch(question).trim().split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = table.get(`${words[i]} ${words[i + 1] ?? ''}`);
    if (pair !== undefined) {
      out.push(pair);
      i++;
    } else out.push(table.get(words[i]!) ?? words[i]!);
  }
  const english = out.filter((w) => w !== ' ' && w !== '').join(' ');
  return `${english}${/\?\s*$/.test(question) ? '?' : ''}`;
}
