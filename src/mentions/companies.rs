//! Companies and news outlets: a name closed by a legal form ("Daimler AG") or after a company or
//! outlet noun ("die Zeitung Haaretz"), and its later short form.

use super::{Mention, MentionForm, Resolver, ids, mention, sentence_slice};
use crate::model::{Entity, EntityKind};
use crate::text::{Sentence, TokenKind};

impl Resolver<'_> {
    /// "die Daimler AG", "vom US-Elektroautobauer Tesla Motors", and later "Daimler": a company,
    /// known by the legal form that closes its name or by a company noun before it.
    pub(super) fn company(&mut self, sentence: &Sentence, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
        let tokens = &sentence.tokens;
        let t = &tokens[i];
        if t.kind != TokenKind::Word || !t.is_capitalized() {
            return None;
        }
        if let Some(key) = self.companies.get(t.text.as_str()).cloned() {
            // "Daimler AG" again: the legal form belongs to the name.
            let end = i + 1 + usize::from(tokens.get(i + 1).is_some_and(|n| self.rules.legal_forms.contains(&n.text)));
            let kind = self.table.get(&key).map_or(EntityKind::Organization, |e| e.kind);
            self.note(sentence, i, end, &key);
            out.push(mention(i, end, key, kind, MentionForm::Argument));
            return Some(end);
        }
        let l = t.lower();
        if self.rules.determiners.contains(l)
            || self.rules.not_names.contains(l)
            || self.rules.legal_forms.contains(&t.text)
            || self.rules.company_nouns.contains(l)
        {
            return None;
        }
        let name_word = |k: usize| {
            tokens.get(k).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.is_capitalized()
                    && !self.rules.determiners.contains(t.lower())
                    && !self.rules.not_names.contains(t.lower())
            })
        };
        let mut end = i;
        while end < i + 4 && name_word(end) && !self.rules.legal_forms.contains(&tokens[end].text) {
            end += 1;
        }
        let closed = tokens.get(end).is_some_and(|t| self.rules.legal_forms.contains(&t.text));
        let noun_before = |nouns: &crate::lang::WordSet| {
            i > 0 && {
                let before = tokens[i - 1].lower();
                let head = crate::text::split_last_hyphen(before).map_or(before, |(_, tail)| tail);
                nouns.iter().any(|n| head == n.as_str() || (self.rules.closed_compounds && head.ends_with(n.as_str())))
            }
        };
        // "die britische Tageszeitung Guardian", "the broadcaster RNE": a news outlet.
        let outlet = noun_before(&self.rules.outlet_nouns);
        let after_noun = outlet || noun_before(&self.rules.company_nouns);
        // After a company noun, a known name ("Europas") or a word with the ending of a common
        // noun ("das Unternehmen Umsatzerlöse …") is no company's name.
        let known =
            || {
                self.gaz.match_form(&[t.text.as_str()]).is_some()
                    || self.rules.genitive_endings.iter().any(|e| {
                        t.text.strip_suffix(e.as_str()).is_some_and(|stem| self.gaz.match_form(&[stem]).is_some())
                    })
            };
        let common = || self.rules.common_noun_endings.iter().any(|e| l.ends_with(e.as_str()));
        if end == i || !(closed || after_noun) || (!closed && (known() || common())) {
            return None;
        }
        // "GmbH & Co. KG": a legal form may go on.
        let mut last = if closed { end + 1 } else { end.min(i + 2) };
        let legal = |k: usize| tokens.get(k).is_some_and(|t| self.rules.legal_forms.contains(&t.text));
        while closed && tokens.get(last).is_some_and(|t| t.is('&') || (t.is('.') && legal(last + 1)) || legal(last)) {
            last += 1;
        }
        let label = sentence_slice(tokens, i, last);
        let key = ids::company(&sentence_slice(tokens, i, if closed { end } else { last }));
        // "US-Elektroautobauer Tesla Motors": the state prefixed to the company noun.
        let country = after_noun
            .then(|| crate::text::split_first_hyphen(&tokens[i - 1].text))
            .flatten()
            .and_then(|(prefix, _)| self.gaz.match_form(&[prefix]))
            .and_then(|m| self.gaz.entries[m.entry].iso.clone())
            // "der spanische Rundfunk RNE": a demonym before the noun.
            .or_else(|| {
                let before = tokens.get(i.checked_sub(2)?)?;
                after_noun.then(|| self.gaz.match_demonym(&[before.text.as_str()])).flatten().map(|(iso, _)| iso)
            });
        let kind = if outlet { EntityKind::NewsAgency } else { EntityKind::Organization };
        if let Some(c) = &country {
            self.ensure_state(c);
        }
        self.table.upsert(Entity::local(key.clone(), kind, self.lang_tag, label, country));
        self.companies.insert(t.text.clone(), key.clone());
        self.note(sentence, i, last, &key);
        out.push(mention(i, last, key, kind, MentionForm::Argument));
        Some(last)
    }
}
