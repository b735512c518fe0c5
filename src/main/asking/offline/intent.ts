/**
 * What a question asks about, read from cue words: each intent names the profile fields that answer
 * it. A question of two clauses ("what frustrates you, and what would you want instead?") may carry
 * two intents; a question with no cue is 'unknown' and gets an honest short answer.
 */
import { normalizeForMatch } from '../../world';
import { keysOf, overlap } from './words';

export const INTENTS = ['painPoints', 'goals', 'habits', 'tastes', 'price', 'about', 'values', 'product', 'work', 'unknown'] as const;
export type Intent = (typeof INTENTS)[number];

/** Cue patterns over normalized text (lowercase, no accents, single spaces, padded), each with a weight. */
const CUES: Record<Exclude<Intent, 'unknown'>, ReadonlyArray<readonly [RegExp, number]>> = {
  painPoints: [
    [/ (frustrat|annoy|irritat|bother|problem|issue|pain|hate|dislike|worst|difficult|struggl|challeng|complain|worr|concern|fear|afraid|stress|hesitat|obstacle|barrier|prevent|deter|downside|drawback|deal ?breaker|nervous|disappoint|headache|gripe|anxious|risk)/, 2],
    [/ (stop|stops|stopping|put|puts|hold|holds|keep|keeps) you (from |off |back |up at night)/, 3],
    [/ (hard|wrong|fail|tired of|fed up|doubt|turn you off|go wrong|goes wrong|hardest)/, 1],
    [/ (slows?|slowing|slow down|bottlenecks?|delays?|holds? (you|your team|the team|us) back|hold ups?)/, 2],
    [/ (makes? .*(hard|difficult|tough|painful|tricky)|so (hard|difficult|tough|painful))/, 3],
    [/ (gets? in the way|in your way|happy with|satisfied|unhappy|dissatisf|let you down|lets you down|miss about|improve about)/, 2],
  ],
  goals: [
    [/ (goal|goals|hope|hoping|wish|aim|aims|achiev|dream|ambition|aspir|success|trying to|try to|want to|plan to|plans|change|saving up|saving for|save for|make (your )?life easier|easier) /, 2],
    [/ (want|wants|need|needs|ideal|improv|looking for|hoping for|would help|help you|get out of|make your life easier|like to change|change in your life|outcome|priorit)/, 1],
  ],
  habits: [
    [/ (how|where) (do |did |would )?you (usually |normally |typically |first )?(find|discover|hear|learn|research|shop|buy|choose|decide|pick|keep up|look for|look up|read about|compare|book)/, 3],
    [/ (how often|do you use|use every day|apps do you|influenc|advice from|who do you ask|trust for advice)/, 2],
    [/ (where|who) do you (go|turn|look) (for|to) | (advice|recommendations?|tips) /, 3],
    [/ (find out|hear about|habit|free time|spare time|weekends?|hobby|hobbies|interests|interested in|social media|channels?|news|informat|recommendation|word of mouth|instagram|tiktok|youtube|facebook|linkedin|newsletter|spend your time|for fun|relax|unwind|downtime)/, 2],
  ],
  tastes: [
    [/ (what|which|who) (do|did|would) you (like to )?(watch|listen|read|eat|cook|wear)/, 2],
    [/ (favourite|favorite) /, 1],
    [/ (watch|listen|music|song|songs|band|bands|artist|singer|film|films|movie|movies|cinema|tv|television|series|shows?|netflix|stream|podcasts?|read|reading|books?|novel|author|eat|eating|food|dish|dishes|cuisine|restaurant|snack|drink|dinner|lunch|breakfast|go to|brands?|wear|clothes|fashion|travel|holidays?|vacation|trips?|destination|favourite|favorite|taste|tastes|culture|entertainment) /, 2],
  ],
  price: [
    [/ (how much|what would you pay|willing to pay|what price|price point|pay more|pay less|too expensive|worth paying|afford)/, 3],
    [/ (price|prices|pricing|cost|costs|pay|paid|afford|budget|expensive|cheap|money|spend(?! (time|hours|your time|most of|a lot of time|weekends|evenings|online))|worth it|fee|fees|how much|discount|deal(?! breaker)|income|salary|earn|value for money|charge|premium|per month|per week|a month|a week) /, 2],
    [/[€$£¥₦₹]|\d/, 1],
    [/ (subscription|plan) /, 1],
  ],
  about: [
    [/ (yourself|who are you|about you|typical|weekday|your day|describe you|introduce|about your life|your life like|background|where do you live|where are you from|how old|your age|household|live with|your family|day to day|daily life|a day in|mornings?|grew up|grow up|family situation) /, 3],
    [/ (routine|routines) /, 2],
    [/ (family|kids|children|partner|married|spouse|home|live|neighbourhood|neighborhood) /, 1],
  ],
  values: [
    [/ (values?|matters?|important|care about|principles?|ethic|ethical|stand for|non negotiable|respect|sustainab|environment|fairness|what do you look for|look for in)/, 2],
    [/ (priorities|priority|most about) /, 1],
    [/ (trust|trusts|trusted|rely on) /, 4],
  ],
  product: [
    [/ (would|will|could|do) you (ever )?(use|try|buy|sign up|subscribe|switch|pay for|recommend|order|consider|download|install|choose) (it|this|that|one|a|an|the|our|them|to)/, 3],
    [/ (would|do) you (like|want|need) (it|this|that|the idea|one) /, 3],
    [/ (what do you think|what you think|opinion|how do you feel about|how would you feel|thoughts on|your view|interested in|sign up|subscribe|give it a try|appeal|appealing|convince)/, 2],
    [/ (this|our|the) (product|service|app|idea|offer|concept|tool|platform|kit|box|plan|software|subscription|brand)/, 2],
  ],
  work: [
    [/ (your work|your job|at work|job|role|company|team|boss|manager|colleagues?|industry|business|employer|office|career|procure|procurement|purchasing|vendors?|suppliers?|buying process|sign off|approval|tender|rfp|workplace|shift|shifts|clients|profession|occupation|what do you do for a living|buy for your|for your team|decision maker|decide what to buy|stakeholders?)/, 2],
  ],
};

const FOLLOW_UP = /^ (why|why not|how so|how come|tell me more|say more|go on|more|what else|anything else|such as|like what|for example|for instance|example|elaborate|can you elaborate|could you elaborate|what do you mean|in what way|explain|and|really|really why|is that all|what about that|meaning) /;

export function isFollowUp(question: string): boolean {
  const plain = normalizeForMatch(question);
  return plain.trim().split(' ').length <= 7 && FOLLOW_UP.test(plain);
}

function scores(clause: string, offerKeys: ReadonlySet<string>): Map<Intent, number> {
  const plain = normalizeForMatch(clause);
  const out = new Map<Intent, number>();
  for (const [intent, cues] of Object.entries(CUES) as Array<[Exclude<Intent, 'unknown'>, ReadonlyArray<readonly [RegExp, number]>]>) {
    let score = 0;
    for (const [pattern, weight] of cues) if (pattern.test(plain)) score += weight;
    if (score > 0) out.set(intent, score);
  }
  // Naming the brief's offer points at the product; a taste word that is the offer's own ("meal") then says nothing of tastes.
  const named = overlap(keysOf(clause), offerKeys);
  if (named > 0) {
    out.set('product', (out.get('product') ?? 0) + Math.min(2, named));
    if ((out.get('tastes') ?? 0) <= 2) out.delete('tastes');
  }
  return out;
}

function best(map: ReadonlyMap<Intent, number>): [Intent, number] | undefined {
  let top: [Intent, number] | undefined;
  for (const intent of INTENTS) {
    const score = map.get(intent) ?? 0;
    if (score > 0 && (!top || score > top[1])) top = [intent, score];
  }
  return top;
}

/**
 * One or two intents, the stronger first. A second one comes from a second clause, or from the same
 * clause when it scores nearly as high ("would you pay €10 a week for this?": product and price).
 */
export function classify(question: string, offerKeys: ReadonlySet<string>): Intent[] {
  const whole = scores(question, offerKeys);
  const top = best(whole);
  if (!top) return ['unknown'];
  const intents: Intent[] = [top[0]];
  const clauses = question.split(/\?|;|\.\s|,\s*(?:and|but|or)\s|\s(?:and|but|or) (?=what|how|where|why|would|do|does|is|are|which|who|when)/i).filter((c) => c.trim().length > 0);
  if (clauses.length > 1) {
    for (const clause of clauses) {
      const own = best(scores(clause, offerKeys));
      if (own && !intents.includes(own[0])) {
        intents.push(own[0]);
        break;
      }
    }
  }
  if (intents.length === 1) {
    const rest = new Map(whole);
    rest.delete(top[0]);
    const second = best(rest);
    if (second && second[1] >= 2 && second[1] >= top[1] * 0.6) intents.push(second[0]);
  }
  // Tastes only answer a question about tastes: "cooking dinner" in a question about obstacles asks for no favourite dishes.
  if (intents[0] !== 'tastes' && intents[1] === 'tastes') intents.pop();
  return intents.slice(0, 2);
}
