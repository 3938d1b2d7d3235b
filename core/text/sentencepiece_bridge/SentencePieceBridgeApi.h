/* The C interface of libi2v_sentencepiece, a module that alone links sentencepiece. It is loaded with
 * dlopen(RTLD_DEEPBIND) so that libsentencepiece's bundled protobuf-lite 3.14 binds to itself and not to
 * libtorch's libprotobuf 3.21, whose version check would abort the process (toolchain Trap 1).
 * Errors are reported as text in a caller-provided buffer. */
#pragma once
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct i2v_spm i2v_spm;

i2v_spm* i2v_spm_load(const char* path, char* err, size_t errCap);
void i2v_spm_free(i2v_spm* model);
int i2v_spm_piece_size(const i2v_spm* model);
int i2v_spm_piece_to_id(const i2v_spm* model, const char* piece);
int i2v_spm_is_unknown(const i2v_spm* model, int id);
/* Copies the piece text (NUL-terminated when it fits); returns its length in bytes. */
size_t i2v_spm_id_to_piece(const i2v_spm* model, int id, char* buf, size_t cap);
/* which: 0 bos, 1 eos, 2 pad, 3 unk. -1 when the model has none. */
int i2v_spm_special_id(const i2v_spm* model, int which);
/* Encodes `len` bytes of UTF-8; writes up to `cap` ids and returns how many the text has (call again
 * with a larger buffer when that is more than cap); -1 on error with the reason in err. */
int i2v_spm_encode(const i2v_spm* model, const char* text, size_t len, int* ids, int cap, char* err, size_t errCap);
/* SentencePieceTrainer::Train(args); 0 on success. */
int i2v_spm_train(const char* args, char* err, size_t errCap);

#ifdef __cplusplus
}
#endif
