/**
 * The rules that clean scraped wire copy, as data: each says which lines
 * it matches and what happens to them. Users add their own (a site's
 * promo line, an agency's trailer) through the `rules` option; they run
 * before these.
 *
 * Actions:
 * - `drop`: the line is site chrome and is removed;
 * - `drop-rest`: the line starts a trailer (related stories, sign-up
 *   blocks); it and everything after it are removed;
 * - `copyright`: the line is the copyright notice;
 * - `note`: the line is an editorial note (contributor line, correction);
 * - `credits`: a "Reporting by …; Editing by …" line: reporters become
 *   authors, editors and additional reporters contributors (and notes).
 *
 * Where a line stands decides the rest: a `drop-rest` line above the story
 * is a menu item (removed alone), after the story's start it begins the
 * trailer; a copyright notice is the story's only after the story's start.
 * A line matched by any rule but `drop` also ends the story when it comes
 * after the story's start (a `drop` rule can say so with `ends: true`).
 *
 * Every line a rule acts on is reported (rule id and line) so that
 * `syndikit inspect` explains each removal.
 */
export interface WireRule {
  /** Stable id, kebab-case, shown in messages. */
  id: string;
  /** What the rule is for, shown in messages. */
  description: string;
  /** Matched against the whole line, trimmed. A string is compiled with `flags`. */
  pattern: RegExp | string;
  /** Flags for a string `pattern`. Default `'iu'`. */
  flags?: string;
  action: 'drop' | 'drop-rest' | 'copyright' | 'note' | 'credits';
  /**
   * Whether the story ends before this line when it stands after the story's
   * start. Default: `true` for every action but `drop`, `false` for `drop`.
   */
  ends?: boolean;
  /** Agencies whose copy this rule is for (documentation only). */
  agencies?: readonly string[];
}

/** The default rules, in the order they are tried. */
export const defaultRules: readonly WireRule[] = Object.freeze([
  // Site chrome, any source.
  {
    id: 'skip-link',
    description: 'accessibility skip link',
    // `Skip to content`, and as German, French, Spanish and Italian pages print it (`Springe zum Inhalt`, `Zur Suche
    // springen`, `Aller au contenu`): never the headline a menu above the story would otherwise offer.
    pattern:
      /^(?:skip to (?:main )?(?:content|navigation|search)|(?:direkt |springe )?zu[mr] (?:haupt)?(?:inhalt|navigation|suche)(?: springen)?|(?:aller|passer) au contenu(?: principal)?|(?:ir|saltar) al contenido(?: principal)?|vai al contenuto(?: principale)?)$/iu,
    action: 'drop',
  },
  { id: 'bare-number', description: 'a number alone (share or comment counts)', pattern: /^\d{1,6}$/u, action: 'drop' },
  {
    id: 'push-prompt',
    description: 'push notification prompt',
    pattern:
      /^(push icon|be the first to read breaking stories\b.*|enable push notifications\b.*|no thanks|not now|allow notifications)$/iu,
    action: 'drop',
  },
  {
    id: 'newsletter-prompt',
    description: 'newsletter sign-up prompt',
    pattern: /^(sign up (for|to) (our|the) .*newsletter.*|subscribe( now| today)?|get (our|the) .*newsletter.*|newsletter)$/iu,
    action: 'drop',
  },
  {
    id: 'advertising',
    description: 'advertising label',
    pattern: /^(advertisement|advertising|ad|sponsored( content)?|story continues below( advertisement)?)$/iu,
    action: 'drop',
  },
  {
    id: 'read-more',
    description: 'read-more and related links',
    pattern: /^(read more|read next|see also|more:?|related:?|related (articles|stories|coverage)|recommended( stories)?)$/iu,
    action: 'drop',
    // After the story, the label heads its related links; inside it, prose goes on below the links.
    ends: true,
  },
  {
    id: 'share-links',
    description: 'sharing and licensing links',
    pattern:
      /^(share|share this( article| story)?:?|share this with|click to (share on [\p{L} ]{2,20}?|email this to a friend|print)( \(opens in new window\))?|copy (this )?link|link copied|close share panel|read more about sharing\.?|these are external links and will open in a new window|print|email|e-mail|facebook|twitter|x|linkedin|whatsapp|reddit|flipboard|pinterest|purchase licensing rights|licensing|reprints?|permissions|opens new tab|sharing is caring!?|((share|share this) (on|via|to|with) [\p{L} ]{2,20}?\s*)+)$/iu,
    action: 'drop',
  },
  {
    id: 'audio-player',
    description: 'audio player label',
    pattern: /^(listen to this article|listen|\d+ min(ute)? (read|listen))$/iu,
    action: 'drop',
  },
  {
    id: 'cookie-notice',
    description: 'cookie notice',
    pattern: /^(we use cookies\b.*|accept( all)?( cookies)?|cookie (settings|preferences))$/iu,
    action: 'drop',
  },
  {
    id: 'trailer-start',
    description: 'related-content block after the story',
    pattern:
      /^(most (read|viewed|shared|commented)|more from (ap|reuters|afp|dpa)|trending( now| stories)?|latest (news|stories|headlines)|top stories|you (may|might) also like\W*|recommended for you|we recommend|(previous|next) (article|post|story)|post navigation|site index|weitere (beiträge|artikel|nachrichten)( zum thema)?|das könnte sie auch interessieren|(leia|veja) também|(à )?lire aussi|вам также может быть интересно|more (stories|articles|news|videos) (from|on|about|in) .{1,60}|editor'?s picks|what to read next|further reading|sponsored (stories|links|content)|promoted (stories|links|content)|around the web|go to home page\b.*)$/iu,
    action: 'drop-rest',
  },
  {
    id: 'comments-start',
    description: 'comments block after the story',
    pattern:
      /^(comments?( \(\d+\))?|\d+ comments?|(\d+|one|no) (responses?|repl(y|ies)|thoughts?|comments?) (to|on) .{1,200}|view (the )?(discussion|comments)( thread)?\.?|(show|load|view|read) (all )?(\d+ )?comments( \(\d+\))?|kommentare (lesen|anzeigen)( \(\d+ beitr(ag|äge)\))?|join the (conversation|discussion)|leave a (comment|reply)|post a comment|add a comment|please enable javascript to view the comments\b.*|comments? (are|have been) closed\.?|tell us what you think\W*|what do you think\??|community (rules|guidelines) apply\b.*|conversation|\S.{0,40} says:|kommentare?( schreiben)?|(add|leave) a comment\W*|добавить комментарий|комментарии|comentários|comentarios|commentaires|laisser un commentaire|deja un comentario)$/iu,
    action: 'drop-rest',
  },
  {
    id: 'form-message',
    description: 'sign-up form message',
    pattern:
      /^(there was an error processing your (subscription|request)\.?|thanks?( you)? for (signing up|subscribing)[.!]?|you('re| are) (now )?subscribed[.!]?|(please )?enter (a valid|your) email( address)?\.?|invalid email( address)?\.?)$/iu,
    action: 'drop',
    ends: true,
  },
  {
    id: 'newsletter-prose',
    description: 'newsletter or subscription promotion (addresses the reader, quotes nobody)',
    // Not a story sentence: it addresses the reader about a newsletter, a subscription or their inbox, and quotes nobody.
    pattern:
      /^(?=.{0,300}$)(?![^"“”]*["“”][^"“”]*["“”])(?!.*\bsaid\b)(?=.*\b(newsletters?|(un)?subscribe|subscription|sign(ing)? up|opt-in|inbox)\b)(?=.*\b(you|your|me|I agree)\b).*$/iu,
    action: 'drop',
  },
  {
    id: 'newsletter-box',
    description: 'newsletter sign-up box',
    // The box's heading names the newsletter (`Pick Six Newsletter`, `SIGN UP FOR E-MAIL NEWSLETTERS`, `Stay up to date
    // with Example. Subscribe to our newsletter.`) and its checkbox asks the reader's consent; after the story the box ends it, inside it prose resumes below.
    pattern:
      /^((?:[^.!?]{1,60}[.!?]\s+)?(sign up for |subscribe to )?[\p{L}\p{N}'’&+ -]{0,40}?\b(e-?mail )?newsletters?\.?|i (agree|consent) (that .{1,80} (can|may|will) (send|e-?mail|contact) me\b|to receive\b).{0,200})$/iu,
    action: 'drop',
    ends: true,
  },
  {
    id: 'publisher-footer',
    description: 'the publisher line of a site’s footer (`Example News is part of Example Media Inc, an international media group …`)',
    // A site named as part of a company described as a media group or publisher: the footer, never the story's prose.
    pattern:
      /^[\p{Lu}\p{N}][\p{L}\p{N}&.'’ -]{1,40} is (a )?part of [\p{Lu}][^,]{1,60}, (a|an|the) [^.]{0,60}\b(media|publishing|publisher|news)\b.{0,160}$/u,
    action: 'drop-rest',
  },
  {
    id: 'letters-invitation',
    description:
      'an invitation to write a letter to the editor after the story (`… publishing letters to the editor. We’d like to hear what you think …`)',
    pattern: /^(?=.{0,400}$)(?=.*\bletters? to the editor\b)(?=.*\b(you|your)\b).*$/iu,
    action: 'drop-rest',
  },
  {
    id: 'subscription-offer',
    description:
      'a subscription offer (`Get Example Monthly delivered every month. 12 issues for £11.99.`, `Get access to Example Pro for as little as Rs 599 …`)',
    // A price "for as little as" is an offer only beside a subscription's words: a story may quote a price.
    pattern:
      /^(?:.{0,120}\b(\d+|six|twelve) issues for [£$€]\s?\d.{0,160}|(?=.{0,300}$)(?=.*\b(?:subscri\w*|access|membership|premium)\b).*\bfor as little as\s?(?:[£$€₹]|rs\.?|inr|usd|eur)\s?\d.*)$/iu,
    action: 'drop',
    ends: true,
  },
  {
    id: 'author-box',
    description: 'author box after the story',
    pattern:
      /^(about the authors?|about this author|more (from|by) this author|author bio(graphy)?|über (den autor|die autorin)|sobre (o autor|a autora|el autor)|à propos de l'auteur)$/iu,
    action: 'drop-rest',
  },
  {
    id: 'social-follow',
    description: 'a call to follow the site on social media',
    pattern: /^follow (us|[\p{L}\p{M}'’ .]{2,60}) on (facebook|twitter|instagram|linkedin|youtube|tiktok|social media|x)\b.{0,120}$/iu,
    action: 'drop',
    ends: true,
  },
  {
    id: 'community-invitation',
    description: 'an invitation to the site’s forums or community (`Join our Example Forums to keep talking …`)',
    pattern: /^join (?:our|the) [\p{L}\p{N}'’&+ -]{0,40}?\b(?:forums?|community|discord|slack)\b.{0,200}$/iu,
    action: 'drop',
    ends: true,
  },
  {
    id: 'affiliate-disclosure',
    description:
      'affiliate-link or advertiser disclosure (`We may earn a commission …`, `This post contains references to products from our advertisers. We may receive compensation when you click …`)',
    pattern:
      /^.{0,80}\b(may earn (an |a )?(small )?(affiliate )?commission|contains? affiliate( and\/or referral)? links?|affiliate links?|contains references to products from .{1,40}\badvertisers|(may|might) receive compensation when you (click|buy|purchase))\b.{0,200}$/iu,
    action: 'drop',
    ends: true,
  },
  {
    id: 'editor-slug',
    description: "editors' initials at the end of agency copy (ab/cd, bur-jm/rl)",
    pattern: /^([a-z]{2,4}-)?[a-z]{2,4}(\/[a-z]{2,4})+$/u,
    action: 'drop',
    agencies: ['AFP', 'dpa', 'AP'],
  },
  // Reuters.
  {
    id: 'reuters-standards',
    description: 'Reuters trust principles line',
    pattern: /^our standards:?( the thomson reuters trust principles\.?)?( opens new tab)?$/iu,
    action: 'drop-rest',
    agencies: ['Reuters'],
  },
  {
    id: 'reuters-credits',
    description: 'Reuters reporting and editing credits',
    pattern: /^\(?(additional )?(reporting|writing|editing) by .+$/iu,
    action: 'credits',
    agencies: ['Reuters'],
  },
  // dpa.
  {
    id: 'dpa-tags',
    description: 'dpa tag block ("Schlagworte") after the story',
    pattern: /^(schlagworte|themen):?$/iu,
    action: 'drop-rest',
    agencies: ['dpa'],
  },
  // Business Wire.
  {
    id: 'businesswire-source',
    description: 'Business Wire source-version link',
    pattern: /^view source version on businesswire\.com:.*$/iu,
    action: 'drop',
    agencies: ['Business Wire'],
  },
  {
    id: 'rule-line',
    description: 'separator line (AP prints ___ between the story and its notes, and between sections)',
    pattern: /^[_=*-]{3,}$/u,
    action: 'drop',
    ends: true,
    agencies: ['AP'],
  },
  // Notes and rights, any agency.
  {
    id: 'contributor-note',
    description: 'contributor line',
    pattern:
      /^(.+ contributed (reporting|to this report|to this story)( from .+)?\.?|(associated press|ap) (writers?|reporters?) .+ contributed.*)$/iu,
    action: 'note',
    agencies: ['AP', 'Reuters'],
  },
  {
    id: 'correction-note',
    description: 'correction or update note (`Correction: …`, `This story has been updated …`, `Updated at 1:23 p.m.`)',
    // An update's time alone after the story (`Updated at 1:23 p.m.`) is the editors' note, not a paragraph.
    pattern:
      /^(this (story|article) (has been|was) (updated|corrected)\b.*|correction:.*|(?:last )?(?:updated|corrected) at \d{1,2}(?:[:.]\d\d)?\s?(?:[ap]\.?m\.?)?(?: [A-Z]{2,4})?\.?)$/iu,
    action: 'note',
  },
  {
    id: 'copyright-line',
    description: 'copyright notice',
    // Not a credit-first caption ("© Munir uz Zaman, AFP | Police …"): a photo credit, not the article's rights.
    pattern: /^(?![^|]{0,80}\s\|\s)(copyright\s*((©|@|\(c\))\s*)?\d{4}|©\s*(\d{4}|\p{L})|\(c\)\s*\d{4}).{0,200}$/iu,
    action: 'copyright',
  },
]);

/** A rule with its pattern compiled. */
export interface CompiledRule extends WireRule {
  pattern: RegExp;
}

/**
 * Compile user rules (before) and the defaults. Throws a `TypeError` for a
 * rule without an id, an unknown action, or a pattern that does not compile.
 */
export function compileRules(userRules: readonly WireRule[] = [], useDefaults = true): CompiledRule[] {
  const all = [...userRules, ...(useDefaults ? defaultRules : [])];
  return all.map((rule, index) => {
    if (!rule || typeof rule.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(rule.id)) {
      throw new TypeError(`Expected wire rule ${index} to have a kebab-case id but received ${JSON.stringify(rule?.id)}`);
    }
    if (!['drop', 'drop-rest', 'copyright', 'note', 'credits'].includes(rule.action)) {
      throw new TypeError(
        `Expected wire rule \`${rule.id}\` to have an action of drop, drop-rest, copyright, note or credits but received ${JSON.stringify(rule.action)}`,
      );
    }
    if (rule.ends !== undefined && typeof rule.ends !== 'boolean') {
      throw new TypeError(`Expected wire rule \`${rule.id}\` to have a boolean \`ends\` but received ${JSON.stringify(rule.ends)}`);
    }
    if (rule.pattern instanceof RegExp) return { ...rule, pattern: rule.pattern };
    try {
      return { ...rule, pattern: new RegExp(rule.pattern, rule.flags ?? 'iu') };
    } catch (error) {
      throw new TypeError(`Expected wire rule \`${rule.id}\` to have a valid pattern but ${(error as Error).message}`);
    }
  });
}

/**
 * A photo credit pattern: a line it matches is a photo caption, never body
 * text. `pattern` has a `credit` group (the credit, without its label:
 * `Photo: Hau Dinh, AP` credits `Hau Dinh, AP`) and a `caption` group,
 * empty when the credit stands alone on its line (the caption is then the
 * line above it, when that reads as one).
 */
export interface CaptionRule {
  /** Stable id, kebab-case. */
  id: string;
  /** What the rule matches, with an example (invented). */
  description: string;
  pattern: RegExp;
}

/**
 * Photo credits as agencies and sites print them, at the end of the caption
 * (`(AP Photo/Jeff Chiu, File)`, `REUTERS/Brendan McDermid`, `Photo: Hau
 * Dinh, AP`), first (`© Munir uz Zaman, AFP | Police …`) or alone on a line
 * of their own; tried in this order.
 */
export const captionRules: readonly CaptionRule[] = Object.freeze([
  {
    id: 'agency-photo-parenthesized',
    description: 'an agency photo credit in parentheses closing the caption (`… Thursday. (AP Photo/Jane Roe, File)`)',
    pattern: /^(?<caption>.*?)\s*\((?<credit>(?:AP|AFP|Reuters|dpa|UPI|EPA|Getty) (?:Photo|Images|Foto)\s*\/\s*[^)]+)\)\.?$/iu,
  },
  {
    id: 'reuters-slash',
    description: 'a Reuters credit closing the caption (`… on Monday. REUTERS/Jane Roe/File Photo`)',
    pattern: /^(?<caption>.*?)\s*(?<credit>REUTERS\s*\/\s*[\p{L}\p{M} .'’-]+(?:\/(?:File )?Photo)?)\.?$/u,
  },
  {
    id: 'labelled-agency',
    description: 'a labelled credit naming an agency closing the caption (`… Photo: Jane Roe, AP`); the label is not part of the credit',
    pattern:
      /^(?<caption>.*?)\s*(?:Photo|Foto|Bild|Image)s?\s*:\s*(?<credit>[^.]{2,60}?(?:,|\/)\s*(?:AP|AFP|Reuters|dpa|UPI|EPA|Getty Images))\.?$/iu,
  },
  {
    id: 'copyright-first',
    description: 'a credit first, after ©, and the caption after a bar (`© Jane Roe, AFP | Police …`); not the article’s copyright',
    pattern: /^©\s*(?<credit>[^|]{2,80}?)\s*\|\s*(?<caption>.{10,})$/u,
  },
  {
    id: 'agency-slash',
    description: 'an agency and photographer after a slash closing the caption (`… at dawn AFP/Jane Roe`)',
    pattern: /^(?<caption>.{10,}?)\s*(?<credit>(?:AFP|AP|Getty Images|dpa)\s*(?:Photo)?\s*\/\s*[\p{L}\p{M} .'’-]+)$/u,
  },
  {
    id: 'agency-parenthesized',
    description: 'an agency alone in parentheses closing the caption (`… in Nogales, Ariz. (AP)`); a dateline opens a paragraph',
    pattern: /^(?<caption>.{20,}?)\s*\((?<credit>AP|AFP|Reuters|EPA|dpa|UPI|Getty Images)\)\.?$/u,
  },
  {
    id: 'agency-slash-parenthesized',
    description: 'an agency and photographer after a slash, in parentheses, closing the caption (`… near the airport (Getty/Jane Roe)`)',
    pattern:
      /^(?<caption>.{20,}?)\s*\((?<credit>(?:AP|AFP|Reuters|EPA|dpa|UPI|Getty|Bloomberg)\s*\/\s*\p{Lu}[\p{L}\p{M} .'’-]{1,60})\)\.?$/u,
  },
  {
    id: 'picture-agency-capitals',
    description: 'a photographer and picture agency in capitals, in parentheses (`… ( JANE ROE/SCIENCE PHOTO LIBRARY)`)',
    pattern: /^(?<caption>.{20,}?)\s*\(\s*(?<credit>\p{Lu}[\p{Lu}\p{M} .'’-]{2,}\/\s*\p{Lu}[\p{Lu}\p{M} .'’-]{2,}?)\s*\)\.?$/u,
  },
  {
    id: 'bracketed-credit',
    description: 'a credit in brackets closing the caption, marked as one (`[File: Reuters]`, `[Company via Agency]`, `[Name/AP]`)',
    pattern:
      /^(?<caption>.{20,}?)\s*\[(?<credit>File:\s*[^[\]]{2,60}|[^[\]]{2,60}?\b(?:via|AP|AFP|Reuters|EPA|Getty Images|Anadolu)\b[^[\]]{0,30})\]$/u,
  },
  {
    id: 'credit-after-bar',
    description: 'a labelled credit after a bar (`The pier at dawn. | Photo: Example Agency`)',
    pattern: /^(?<caption>.{10,}?)\s*\|\s*(?:Photo|Foto|Image|Bild|Credit|Photograph)s?\s*:\s*(?<credit>[^|]{2,60})$/iu,
  },
  {
    id: 'credit-label-glued',
    description:
      'a Credit label glued to the caption’s last sentence when copied (`… in 2023.CreditCreditJane Roe/Example Times`, `… in 2023.Credit...Jane Roe`)',
    pattern: /^(?<caption>.{10,}?[.!?"”)])Credit(?:Credit|\.\.\.|…)?(?<credit>\p{Lu}.{1,80})$/u,
  },
  {
    id: 'photographer-agency',
    description: 'a photographer of two names and a picture agency after a slash closing the caption (`… in Paris Jane Roe/Reuters`)',
    pattern:
      /^(?<caption>.{10,}?)\s+(?<credit>\p{Lu}[\p{L}\p{M}'’.-]+\s+\p{Lu}[\p{L}\p{M}'’.-]+\s*\/\s*(?:Reuters|AP|AFP|Getty Images|EPA|Bloomberg|dpa))$/u,
  },
  {
    id: 'labelled-credit-closing',
    description:
      'a `Credit:` label closing the caption, after its last sentence or glued to its last word (`… in orbit. Credit: Example Agency`, `… at nightCredit: Jane Roe`)',
    // The label in its own case (`Credit:`, `Image credit:`): a sentence saying "credit: …" goes on in lower case.
    pattern: /^(?<caption>.{10,}?[\p{L}\p{N}.!?"”)])\s*(?:(?:Image|Photo) credit|Credit):\s*(?<credit>[\p{Lu}\p{N}][^.:!?]{1,60}?)\.?$/u,
  },
  {
    id: 'labelled-credit-parenthesized',
    description: 'a labelled credit in parentheses closing the caption (`… in June (Image: EXAMPLE )`, `… weeks (Credit: Example Images)`)',
    pattern:
      /^(?<caption>.{10,}?)\s*\(\s*(?:Photo|Foto|Image|Bild|Credit|Picture|Photograph)s?(?: credit)?\s*:\s*(?<credit>[^()]{2,60}?)\s*\)\.?$/iu,
  },
  {
    id: 'credit-alone',
    description: 'a labelled credit alone on the line under a caption (`Photo: Example Images`, `Image: © Example Agency`)',
    pattern: /^(?<caption>)(?:Photo|Foto|Image|Bild|Credit|Photograph)s?\s*:\s*(?<credit>[^.]{2,60}?)\s*\)?$/iu,
  },
  {
    id: 'credit-alone-parenthesized',
    description: 'a labelled credit alone in parentheses (`(Photo: Example Images)`)',
    pattern: /^\((?<caption>)(?:Photo|Foto|Image|Bild|Credit|Photograph)s?\s*:\s*(?<credit>[^)]{2,60})\)$/iu,
  },
  {
    id: 'credit-line-agency',
    description: 'names and a picture agency between bars or slashes alone under a photo (`Jane Roe | Example | Getty Images`)',
    pattern:
      /^(?<caption>)(?<credit>[\p{Lu}][\p{L}\p{M} .'’-]{1,40}(?:\s*[|/]\s*[\p{L}\p{M} .'’-]{2,40})*\s*[|/]\s*(?:Getty Images|AFP|AP|Reuters|EPA|Bloomberg|Shutterstock|Alamy|dpa|picture alliance|Imago|Sipa|NurPhoto|ZUMA Press|Anadolu))$/u,
  },
  {
    id: 'photo-by-alone',
    description:
      'a `Photo by` credit alone on its line (`Photo by Jane Roe`, `Photo by Jane Roe/Example Images`, a stock photo’s `Photo by Jane Roe on Example`), also in German, French, Spanish and Italian (`Foto von Jane Roe von Example`, `Photo de Jane Roe sur Example`, `Foto de …`, `Foto di …`); the label is not part of the credit',
    pattern:
      /^(?<caption>)(?:(?:Photo(?:graph)?|Image)s?\s+by|(?:Foto|Bild)\s+von|Photo\s+de|Foto\s+(?:de|di))\s+(?<credit>\p{Lu}[^.!?]{1,60}?)\.?$/u,
  },
  {
    id: 'photo-by-pair',
    description: 'two `… by` credits alone on their line (`Photo illustration by Example. Photo by Jane Roe.`), kept whole',
    pattern:
      /^(?<caption>)(?<credit>(?:Photo )?(?:[Ii]llustration|Photo|Image|Graphic)s?\s+by\s+[^.!?]{2,40}\.\s+(?:Photo(?:graph)?|Image)s?\s+by\s+\p{Lu}[^.!?]{1,60}?)\.?$/u,
  },
  {
    id: 'courtesy-alone',
    description: 'a `Courtesy` credit alone on its line (`Courtesy of Jane Roe`, `Courtesy Example Company`)',
    pattern: /^(?<caption>)(?<credit>Courtesy(?: of)? \p{Lu}[\p{L}\p{M}'’.&/ -]{1,50})$/u,
  },
] satisfies CaptionRule[]);

/** A pattern for lines that are never a headline (`notHeadlineRules`). */
export interface NotHeadlineRule {
  /** Stable id, kebab-case. */
  id: string;
  /** What the rule matches, with an example (invented). */
  description: string;
  /** Matched against the whole line, trimmed. */
  pattern: RegExp;
}

/**
 * Lines that are never the headline, however title-like they read: menus, controls, calls to action, breadcrumbs,
 * page furniture, dates and reading times. The header's chooser skips them; when nothing else is left and one is
 * taken, a warning says the headline is a navigation word (`wire-headline-navigation`).
 */
export const notHeadlineRules: readonly NotHeadlineRule[] = Object.freeze([
  {
    id: 'navigation-word',
    description: 'a navigation word alone (`Menu`, `Home`, `Sign in`, `Top Stories`, `Startseite`)',
    pattern:
      /^(menu|home|news|sign in|log ?in|register|subscribe|search|e-paper|epaper|sections?|world|politics|business|sports?|top stories|latest|more|close|open|account|my account|skip navigation|watch live|live|video|nachrichten|startseite|anmelden|suche)$/iu,
  },
  {
    id: 'sharing-controls',
    description:
      'sharing and menu controls printed together on one line (`Facebook Twitter LinkedIn`, `Share Close extra sharing options`)',
    pattern:
      /^(?:(?:share|sharing|facebook|twitter|linkedin|whatsapp|email|e-mail|print|pinterest|reddit|flipboard|close|extra|options|comments?|menu|search|sign in|log in|subscribe|save|copy link)\s*)+$/iu,
  },
  {
    id: 'call-to-action',
    description:
      'a call to action or a menu label of a few words (`Watch Example Live`, `Sign Up To The Example`, `Zurück zur Übersicht`, `Click here to sign in with …`, `Continue reading the main story`, `Forgot your password?`, `Not a member? Sign up`), `you are here: …`, or a teaser label glued to its title (`Read Next …`)',
    pattern:
      /^(?:(?:watch|listen|sign|subscribe|follow|join|download|share|click|log|register|explore|discover|shop|buy|try|support|donate|take|suggest|contact|close|open|skip|go to|back to|return to|work with|zurück|weiterlesen|retour|volver|voltar)\b(?:\s+\S+){0,4}|click here\b.*|continue reading\b.*|forgot (?:your )?(?:password|username)\b.*|(?:not a member|not registered|no account|don['’]t have an account|new here|noch kein (?:konto|mitglied)|pas encore (?:de compte|membre))\s*\?.*|you are here\b.*|(?:read next|read more|up next)\b.*)$/iu,
  },
  {
    id: 'breadcrumb-unseparated',
    description: 'a breadcrumb printed without its separators (`Home News Science & Astronomy`, `Startseite Politik Ausland`)',
    pattern: /^(?:Home|Startseite|Accueil|Inicio|Início)(?:\s+[\p{Lu}&][\p{L}&'’-]*){1,5}$/u,
  },
  {
    id: 'breadcrumb-separated',
    description:
      'a breadcrumb with its separators (`News › Nation & World`, `Home ›› Politics ›› World`, `Home / Horoscope / Signs`, a trail ending with a slash)',
    pattern: /^(?:.*\s(?:[›»>]{1,2}|::)\s.*|.*\s\/\s*|(?:.*\s\/\s){2,}.*)$/u,
  },
  {
    id: 'page-furniture',
    description:
      'skip links (`Skip to contentSkip to site index`, glued when copied), a label that ends where a sponsor’s logo stood (`Section is sponsored by`), an account line whose user name the saved page left empty (`You are signed in as`, `Angemeldet als`) and account links glued when copied (`Edit ProfileSign Out`)',
    pattern:
      /^(?:skip to\b.*|.*\b(?:sponsored|supported|presented|powered|brought to you) by|(?:you are |you're )?(?:signed|logged) in as\b.*|(?:sie sind )?angemeldet als\b.*|(?:edit profile|my account|sign out|log ?out)(?:\s*(?:edit profile|my account|sign out|log ?out))+)$/iu,
  },
  {
    id: 'date-in-words',
    description:
      'a date written out in words, with a weekday or a time around it (`Miércoles 4 de Mayo de 2022`, `15 августа 2016, 13:43`), also in a language the date reader does not read',
    pattern: /^(?=.{0,60}$)(?:\p{L}+,?\s+)?\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,}\.?,?\s+(?:de\s+)?(?:19|20)\d\d(?:\D.*|\d{1,2}:\d\d.*)?$/u,
  },
  {
    id: 'caption-label',
    description:
      'a caption with its credit label inside the line (`The champion after the final.Bild: Example/Agency`, `The pier at dawn. Photo: Jane Roe`, `The pier at dawn - Fotos: Jane Roe`) or opening it (`Foto: Example Archive / Jane Roe, CC BY 4.0`)',
    pattern: /^(?:.{10,}?(?:\p{Ll}|[.!?)"”]|\s[-–—|])\s*)?(?:Bild|Foto|Photo|Photograph|Image|Credit)s?:\s*\S.*$/u,
  },
  {
    id: 'reading-time',
    description: 'a reading time (`Reading time: 3 minutes`, `Lesezeit: 4 Min.`, `Tempo di lettura: 3 minuti`, `5 min read`)',
    pattern:
      /^(?:(?:reading time|read time|lesezeit|lesedauer|tempo di lettura|temps de lecture|tiempo de lectura)\b.{0,20}|\d{1,2}\s*(?:min|mins|minutes?|minuten)\.?\s+(?:read|lesezeit|lesen))$/iu,
  },
] satisfies NotHeadlineRule[]);
