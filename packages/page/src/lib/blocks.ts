/**
 * Rules that clean the extracted body, block by block, as data. Readability
 * finds the container of the story; these remove what news sites put
 * inside that container around the story: labels, bylines and date lines
 * (already read as metadata), stray captions, related links and trailers.
 *
 * Actions:
 * - `drop`: the block (paragraph, heading, list item) is site chrome;
 * - `drop-rest`: the block starts a trailer (citation box, site copyright,
 *   comment prompt); it and every block after it are removed. Never applied
 *   to the first block.
 *
 * Each removal is reported (rule id and text) so that `syndikit inspect`
 * explains it. Users add their own rules through the `rules` option; they
 * are tried before these.
 */
export interface BlockRule {
  /** Stable id, kebab-case, shown in messages. */
  id: string;
  /** What the rule is for, shown in messages. */
  description: string;
  /** Matched against the block's whole text, white space collapsed and trimmed. */
  pattern: RegExp;
  action: 'drop' | 'drop-rest';
}

export const defaultBlockRules: readonly BlockRule[] = Object.freeze([
  { id: 'skip-link', description: 'accessibility skip link', pattern: /^skip to (main )?content$/iu, action: 'drop' },
  {
    id: 'advertising',
    description: 'advertising label',
    pattern:
      /^(advert(isement)?|ad|anzeige|werbung|sponsored( content)?|story continues below( advertisement)?|continue reading( below)?):?$|^(anzeige|advertisement|werbung)\s+[-–—:]\s.{0,80}$/iu,
    action: 'drop',
  },
  {
    id: 'site-control',
    description: 'a control of the site (menu, sign-in, share, print)',
    pattern:
      /^(menu|home|sign in|log in|subscribe|register|e-paper|close|breaking news|share( this( article| story)?)?( on \w+)?|print|email|comments?|\d+ comments?|view comments|listen( to this article)?|warning|fullscreen|play|pause|(quellen|mehr|weniger|details) (anzeigen|einblenden|ausblenden)|(show|hide) (sources|more|less|details))$/iu,
    action: 'drop',
  },
  {
    id: 'script-required',
    description: 'a notice that a widget needs JavaScript',
    pattern: /^(this|the) (slideshow|video|gallery|content|feature|embed)( player)? requires javascript\.?$|^please enable javascript\b/iu,
    action: 'drop',
  },
  {
    id: 'cookie-notice',
    description: 'cookie consent notice',
    // The site speaking about itself: "this website uses cookies", "we use cookies", "accept cookies".
    pattern:
      /^(?=.{0,300}$).*\b((this|our) (web)?site uses cookies|we use cookies|accept (all )?cookies|by (continuing|using) (to (use|browse) )?(this|our) (web)?site\b.*\bcookies|cookie (policy|settings|preferences))\b/iu,
    action: 'drop',
  },
  {
    id: 'related-label',
    description: 'a related-links label, alone or with one link title',
    pattern:
      /^(neueste (artikel|beiträge|nachrichten)|weitere (artikel|beiträge|nachrichten)|ähnliche (artikel|beiträge)|latest (news|articles|stories)|see more|see also|read more|read next|read also|more|related|related (articles|stories|coverage|content|links)|more (on|from|about) [^.]{1,40}|don['’]t miss|you may also like|you might also like|recommended( for you)?|most (popular|read)|trending( now)?|top stories|lesen sie auch|mehr zum thema|das könnte sie auch interessieren|puedes ver|lee también|te puede interesar|mira también|lire aussi|à lire aussi|voir aussi|leggi anche|vedi anche)\s*(\.\.\.|…|:.{0,160})?$/iu,
    action: 'drop',
  },
  {
    id: 'byline-line',
    description: 'a byline line, already read as the authors',
    // A name (up to four capitalised words), then perhaps a separator and a date or an agency; never a sentence.
    pattern:
      /^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|[Pp]or|(?:[Ww]ritten|[Pp]osted) by:?|[Aa]utor(?:in)?:|[Aa]uteur\s?:|[Aa]uthor:)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:,|\band\b|\bund\b|&|-|–|—|\|)?\s*[^!?]{0,80})?(?<![.!?]["”’]?)$/u,
    action: 'drop',
  },
  {
    id: 'date-line',
    // The label, then a date or time within a few words; a sentence that starts with "Updated" has no digit there.
    description: 'a published/updated line, already read as the date',
    pattern:
      /^[|\s]*(published|updated|posted|last updated|first published|veröffentlicht|veröffentlichung|aktualisiert|stand|publié( le)?|mis à jour( le)?|publicado)\b:?[^.!?\d]{0,30}\d[^!?]{0,40}$|^(updated|posted) [^;]{3,40};\s*(updated|posted) .{3,40}$/iu,
    action: 'drop',
  },
  { id: 'bare-url', description: 'a URL alone', pattern: /^https?:\/\/\S+$/iu, action: 'drop' },
  {
    id: 'reading-time',
    description: 'a reading-time label (`4 min read`, `Lesedauer: 3 Minuten`)',
    pattern:
      /^(\d+\s*(min|mins|minutes?|minuten)\.?\s*(read|lesezeit|lesedauer|de lecture)|(lesezeit|lesedauer|reading time|temps de lecture)\s*:?\s*(ca\.\s*|etwa\s*)?\d+\s*(min|mins|minutes?|minuten)\.?)$/iu,
    action: 'drop',
  },
  {
    id: 'download-link',
    description: 'a download link (`Als PDF herunterladen`, `Download PDF`, a title with the file type and size: `… PDF | 38 KB`)',
    pattern:
      /^.{0,40}\b(als|as) pdf (herunterladen|downloaden|download)$|^(download( as)? pdf|pdf herunterladen|pdf download)$|^.{0,120}(?<!\p{L})(pdf|docx?|xlsx?|pptx?|zip)\s*[|,(]\s*\d+(?:[.,]\d+)?\s*(kb|mb)\b.{0,60}$/iu,
    action: 'drop',
  },
  {
    id: 'feedback-prompt',
    description: 'a prompt to rate, share or write about the article',
    pattern:
      /^(hier können sie (den|diesen) artikel bewerten|(den |diesen )?(artikel|beitrag)( mit anderen)? (teilen|empfehlen)(\/diskutieren)?|sie wollen mehr von uns\?|we want to hear what you think( about this article)?\..{0,120}|was this (article|page) helpful\??|wie (hat|gefällt) ihnen (dieser|der) (artikel|beitrag)\??)\s*:?$/iu,
    action: 'drop',
  },
  {
    id: 'comment-prompt',
    description: 'a prompt to comment (`Um … kommentieren zu können, müssen Sie eingeloggt sein`)',
    pattern:
      /^(um .{0,80} kommentieren zu können.{0,80}|verraten sie (uns )?(gerne )?in den kommentaren\b.{0,120}|(schreiben|hinterlassen) sie (uns )?(gerne )?(einen|ihren) kommentar\b.{0,120}|you must be logged in to (post a )?comment\b.{0,60})$/iu,
    action: 'drop',
  },
  {
    id: 'newsletter-prompt',
    description: 'a newsletter or subscription prompt',
    pattern:
      /^.{0,80}\b(sign(?:ing)? up (?:for|to)|subscrib(?:e|ing) to|get) (our|the|[\p{L}.’']+(’s|'s)) .{0,60}\bnewsletters?\b.{0,80}$|^.{0,80}\bdelivered (through your letterbox|to your inbox)\b.{0,120}$/iu,
    action: 'drop',
  },
  {
    id: 'figure-label',
    description: 'a caption opened by its figure label (`Abbildung: …`, `Abb. 3: …`, `Figure 2: …`)',
    // The label and a colon: a sentence about a figure (`Abb. 3 zeigt …`) has no colon there. Captions are short.
    pattern:
      /^(?:abbildung|abb\.|figure|fig\.|grafik|schaubild|grafico|gráfico|graphique|tabelle|table)\s*\d{0,3}[a-z]?\s*:\s*\S.{0,240}$/iu,
    action: 'drop',
  },
  {
    id: 'review-notice',
    description: 'a notice that physicians or fact-checkers reviewed the text (`Medically reviewed by …`)',
    // Health sites print it above the story; it vouches for the text and is none of it.
    pattern:
      /^(?:(?:dieser|der) (?:text|artikel|beitrag)\b.{0,160}\bvon (?:medizinern|ärzten|ärztinnen|fachärzten|experten|expertinnen) (?:geprüft|überprüft)\.?|(?:medizinisch|ärztlich|fachlich) (?:geprüft|überprüft) von\b.{0,120}|(?:medically|medical|expert|fact[- ]checked and) reviewed by\b.{0,160}|fact[- ]checked by\b.{0,120})$/iu,
    action: 'drop',
  },
  {
    id: 'contact-line',
    description: "a reporter's contact line or tip prompt",
    pattern: /^(have a (news )?tip\?|got a (news )?tip\?).{0,200}$|^.{0,60}\b(may|can) be reached at \S+@\S+.{0,120}$/iu,
    action: 'drop',
  },
  {
    id: 'shortcode',
    description: 'a CMS shortcode left in the text (`[button …]…[/button]`)',
    pattern: /^\[[a-z_-]+(\s[^\]]*)?\].{0,200}\[\/[a-z_-]+\]$/iu,
    action: 'drop',
  },
  {
    id: 'teaser-more',
    description: 'a teaser of another page that ends in its "more" link (`… mehr •••`, `… Read more »`)',
    pattern: /^.{10,300}(\.\.\.|…)\s*(mehr|more|read more|weiterlesen|lire la suite|leer más|continua a leggere)\s*[•›»>→.]*$/iu,
    action: 'drop',
  },
  {
    id: 'trailer-start',
    description: 'the start of a trailer: citation box, comment prompt, tags',
    pattern:
      /^(pour lire la suite\b|to continue reading\b|um (den artikel |diesen artikel )?weiterzulesen\b|citation:|this document is subject to copyright\b|tell us what you think|join the conversation|comments are closed|schlagworte|themen:?$|tags:|follow us on\b|our standards:|share this (article|story):?$)/iu,
    action: 'drop-rest',
  },
  {
    id: 'about-boilerplate',
    description: 'the company boilerplate that ends a press release (`About Acme`)',
    pattern: /^(?:About|ABOUT) \p{Lu}[\p{L}\p{N}&.,’' -]{1,50}$/u,
    action: 'drop-rest',
  },
  {
    id: 'site-copyright',
    description: "the site's copyright line",
    pattern: /^.{0,120}(©\s*\d{4}|copyright\s*(©\s*)?\d{4}|\ball rights reserved\b).{0,160}$/iu,
    action: 'drop-rest',
  },
]);
