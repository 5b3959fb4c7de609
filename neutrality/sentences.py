"""Where a sentence ends in what a person wrote: the one place for the patterns the readers use.

The normaliser blanks punctuation, so a reader that must keep to one sentence looks at the
original text. What counts as an end depends on what the reader must neither miss nor split:

* `END`: a run of full stops, exclamation or question marks before a blank or the end of the
  text, or a line break. "tempo.co" and "1.5" hold no end. The plain reading of a sentence.
* `END_OR_ELLIPSIS`: `END`, and an ellipsis even glued to the next word ("the best...debat"),
  which closes a quotation as well.
* `END_NOT_ABBREVIATION`: a full stop only after a word of four letters or more, since "No. 2",
  "Kab." and "Pak." are abbreviations, then a blank; "!" or "?" before a blank; a line break.
  For a reader that an abbreviation's stop would cost a match (a ballot number, a dateline's
  place).
* `STOP`: any stop mark or line break, glued or not: a bound that a figure must not cross.
* `PROSE_END`: a full stop or semicolon before a capital, as edited prose (a newsroom's)
  writes one: what counts the sentences of a story or a lead.
"""

from __future__ import annotations

import re

END = re.compile(r"[.!?]+(?=\s|$)|\n")
END_OR_ELLIPSIS = re.compile(r"[.!?\u2026]{2,}|\u2026|[.!?]+(?=\s|$)|\n")
END_NOT_ABBREVIATION = re.compile(r"[^\W\d_]{4,}[.]\s|[!?]\s|\n")
STOP = re.compile(r"[.!?\n]")
PROSE_END = re.compile(r"[.;](?=\s+[A-Z])")
