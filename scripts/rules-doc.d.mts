/** Types of scripts/rules-doc.mjs, for the test that runs it. */
export interface RuleEntry {
  package: string;
  catalogue: string;
  key: string;
  rule: { id: string; title: string; hint: string; severity?: 'error' | 'warning' | 'info' };
}
export declare const rulesDocPath: string;
export declare function collectRules(): Promise<RuleEntry[]>;
export declare function conflictingRules(entries: readonly RuleEntry[]): RuleEntry[][];
export interface TextRuleEntry {
  id: string;
  description: string;
  action: string;
  agencies?: readonly string[];
}
export declare function collectTextRules(): Promise<TextRuleEntry[]>;
export declare function renderRulesDoc(entries: readonly RuleEntry[], textRules?: readonly TextRuleEntry[]): string;
export declare function literalRuleIds(knownIds?: ReadonlySet<string>): string[];
