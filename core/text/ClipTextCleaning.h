// The text side of transformers' CLIPTokenizer before byte-level BPE (`tokenization_clip.py`): its two
// clean-ups and the pre-tokenizer pattern, on code points. ClipTokenizer.h says which clean-up runs when.
#pragma once
#include <string>
#include <vector>

namespace i2v::clip {

// str.lstrip() / str.rstrip(): Python's whitespace at the start / end goes.
std::u32string stripLeft(const std::u32string& s);
std::u32string stripRight(const std::u32string& s);

// BERT's BasicTokenizer(strip_accents=False, do_split_on_punc=False).tokenize, joined with " " as CLIPTokenizer
// does (the pipeline's clean-up where ftfy is not installed).
std::u32string basicTokenizerClean(const std::u32string& text);

// CLIPTokenizer's ftfy branch: whitespace_clean(fix_text(text)).lower(), fix_text as FtfyText.h has it.
std::u32string ftfyClean(const std::u32string& text);

// re.findall of CLIP's pattern (under re.IGNORECASE), alternatives tried in order at each position:
//   <\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+
std::vector<std::u32string> preTokenize(const std::u32string& text);

} // namespace i2v::clip
