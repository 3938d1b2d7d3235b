// SentencePieceTokenizer against sentencepiece's own processor, on a tiny model trained here (no model files in
// the repository): the ids are the processor's, then EOS/BOS, truncation and padding as transformers' T5/Llama
// tokenizers add them. Also the factory's choice by folder content.
#include "support/TestData.h"
#include "text/TokenizerFactory.h"
#include "util/Errors.h"
#ifdef I2V_HAVE_SENTENCEPIECE
#include "text/SentencePieceModel.h"
#include "text/SentencePieceTokenizer.h"
#endif

#include <QTemporaryDir>
#include <fstream>

namespace fs = std::filesystem;

class TestSentencePieceTokenizer : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    fs::path root_;
    fs::path t5Dir_;   // spiece.model + a T5-style tokenizer_config.json

    std::vector<int64_t> processorIds(const std::string& text) {
#ifdef I2V_HAVE_SENTENCEPIECE
        const i2v::SentencePieceModel sp(t5Dir_ / "spiece.model");
        const std::vector<int> ids = sp.encode(text);
        return {ids.begin(), ids.end()};
#else
        return {};
#endif
    }

private slots:
    void initTestCase() {
#ifndef I2V_HAVE_SENTENCEPIECE
        QSKIP("built without sentencepiece");
#else
        // This process links libtorch (and so libprotobuf): training and loading through the isolating
        // module is exactly what proves the protobuf clash (toolchain Trap 1) is gone.
        QVERIFY(tmp_.isValid());
        root_ = fs::path(tmp_.path().toStdString());
        t5Dir_ = root_ / "t5";
        fs::create_directories(t5Dir_);
        // A generated corpus: enough distinct words for a 120-piece unigram model to have real subwords.
        const char* words[] = {"red", "fox", "jumps", "over", "lazy", "dog", "under", "bright", "moon", "river",
                               "flows", "through", "quiet", "forest", "camera", "slowly", "pans", "across"};
        {
            std::ofstream corpus(root_ / "corpus.txt");
            for (int line = 0; line < 400; ++line) {
                for (int w = 0; w < 9; ++w)
                    corpus << words[(line * 7 + w * 5 + w * w) % 18] << (w < 8 ? " " : "\n");
            }
        }
        const std::string args = "--input=" + (root_ / "corpus.txt").string() + " --model_prefix=" +
                                 (t5Dir_ / "spiece").string() +
                                 " --vocab_size=120 --hard_vocab_limit=false --model_type=unigram"
                                 " --character_coverage=1.0 --pad_id=0 --eos_id=1 --unk_id=2 --bos_id=-1"
                                 " --minloglevel=2";
        i2v::trainSentencePieceModel(args);
        std::ofstream(t5Dir_ / "tokenizer_config.json")
            << R"({"tokenizer_class": "T5Tokenizer", "model_max_length": 16, "eos_token": "</s>", "pad_token": "<pad>"})";
#endif
    }

    void shortPromptIsProcessorIdsThenEosThenPadding() {
#ifdef I2V_HAVE_SENTENCEPIECE
        const i2v::SentencePieceTokenizer tok(t5Dir_ / "spiece.model");
        QCOMPARE(tok.maxLength(), int64_t(16));
        QCOMPARE(tok.padId(), int64_t(0));
        QCOMPARE(tok.eosId(), int64_t(1));
        QCOMPARE(tok.bosId(), int64_t(-1));
        const std::string text = "red fox over the moon";
        const auto content = processorIds(text);
        QVERIFY(!content.empty() && content.size() < 15);
        const auto enc = tok.encode(text);
        std::vector<int64_t> want = content;
        want.push_back(1);
        QCOMPARE(enc.untruncatedIds, want);
        QCOMPARE(enc.count, int64_t(want.size()));
        QVERIFY(!enc.truncated);
        want.resize(16, 0);
        QCOMPARE(enc.ids, want);
        for (size_t i = 0; i < 16; ++i)
            QCOMPARE(enc.attentionMask[i], int64_t(i <= content.size() ? 1 : 0));
#endif
    }

    void longPromptKeepsEosAfterTruncation() {
#ifdef I2V_HAVE_SENTENCEPIECE
        const i2v::SentencePieceTokenizer tok(t5Dir_ / "spiece.model");
        const std::string text = "camera slowly pans across the quiet forest while the bright river flows "
                                 "through the forest under the moon and a red fox jumps over the lazy dog";
        const auto content = processorIds(text);
        QVERIFY(content.size() > 20);
        const auto enc = tok.encode(text);
        QVERIFY(enc.truncated);
        QCOMPARE(enc.count, int64_t(content.size() + 1));
        QCOMPARE(enc.ids.size(), size_t(16));
        QVERIFY(std::equal(enc.ids.begin(), enc.ids.begin() + 15, content.begin()));
        QCOMPARE(enc.ids[15], int64_t(1));
        QCOMPARE(enc.attentionMask, std::vector<int64_t>(16, 1));
#endif
    }

    void piecesAreTheProcessorPieces() {
#ifdef I2V_HAVE_SENTENCEPIECE
        const i2v::SentencePieceTokenizer tok(t5Dir_ / "spiece.model");
        const i2v::SentencePieceModel sp(t5Dir_ / "spiece.model");
        const auto pieces = tok.tokenize("quiet river bright moon");
        QCOMPARE(pieces.size(), sp.encode("quiet river bright moon").size());
        // The pieces spell the text back, with sentencepiece's U+2581 for spaces and its dummy prefix.
        std::string joined;
        for (const auto& p : pieces)
            joined += p;
        std::string spaced;
        for (size_t i = 0; i < joined.size();) {
            if (joined.compare(i, 3, "\xE2\x96\x81") == 0) {
                spaced += ' ';
                i += 3;
            } else {
                spaced += joined[i++];
            }
        }
        QCOMPARE(spaced, std::string(" quiet river bright moon"));
        QCOMPARE(tok.vocabSize(), int64_t(sp.pieceSize()));
        QVERIFY(tok.vocabSize() > 20 && tok.vocabSize() <= 120);
#endif
    }

    void emptyPromptIsJustEos() {
#ifdef I2V_HAVE_SENTENCEPIECE
        const i2v::SentencePieceTokenizer tok(t5Dir_ / "spiece.model");
        const auto enc = tok.encode("");
        QCOMPARE(enc.count, int64_t(1));
        QCOMPARE(enc.ids[0], int64_t(1));
        QCOMPARE(enc.ids[1], int64_t(0));
#endif
    }

    // A Llama-style config asks for BOS and no EOS; the pad token falls back to the model's.
    void configChoosesBosAndEos() {
#ifdef I2V_HAVE_SENTENCEPIECE
        const fs::path dir = root_ / "llama";
        fs::create_directories(dir);
        fs::copy_file(t5Dir_ / "spiece.model", dir / "tokenizer.model");
        std::ofstream(dir / "tokenizer_config.json")
            << R"({"tokenizer_class": "LlamaTokenizer", "add_bos_token": true, "add_eos_token": false,
                  "bos_token": "</s>", "model_max_length": 8})";
        const i2v::SentencePieceTokenizer tok(dir / "tokenizer.model");
        QCOMPARE(tok.bosId(), int64_t(1));
        QCOMPARE(tok.eosId(), int64_t(-1));
        const auto content = processorIds("red fox");
        const auto enc = tok.encode("red fox");
        QCOMPARE(enc.ids[0], int64_t(1));
        QVERIFY(std::equal(content.begin(), content.end(), enc.ids.begin() + 1));
        QCOMPARE(enc.count, int64_t(content.size() + 1));
        QCOMPARE(enc.ids.size(), size_t(8));
#endif
    }

    void factoryPicksByFolderContent() {
#ifdef I2V_HAVE_SENTENCEPIECE
        const auto sp = i2v::loadTokenizer(t5Dir_);
        QVERIFY(dynamic_cast<i2v::SentencePieceTokenizer*>(sp.get()) != nullptr);
#endif
        const auto clip = i2v::loadTokenizer(i2v::test::tinyModelDir() / "tokenizer");
        QCOMPARE(clip->maxLength(), int64_t(77));
        QCOMPARE(clip->encode("a photo of a cat").count, int64_t(7));
    }

    void factoryNamesFolderWithoutTokenizer() {
        const fs::path empty = fs::path(tmp_.path().toStdString()) / "empty";
        fs::create_directories(empty);
        try {
            i2v::loadTokenizer(empty);
            QFAIL("an empty folder was accepted");
        } catch (const i2v::ModelError& e) {
            const std::string msg = e.what();
            QVERIFY2(msg.find(empty.string()) != std::string::npos, msg.c_str());
            QVERIFY2(msg.find("vocab.json") != std::string::npos, msg.c_str());
        }
        QVERIFY_THROWS_EXCEPTION(i2v::ModelError, i2v::loadTokenizer(empty / "missing"));
    }

    void brokenModelFileIsModelError() {
#ifdef I2V_HAVE_SENTENCEPIECE
        const fs::path dir = root_ / "broken";
        fs::create_directories(dir);
        std::ofstream(dir / "spiece.model") << "not a protobuf";
        try {
            i2v::loadTokenizer(dir);
            QFAIL("a broken model was accepted");
        } catch (const i2v::ModelError& e) {
            QVERIFY2(std::string(e.what()).find("spiece.model") != std::string::npos, e.what());
        }
#endif
    }
};

QTEST_APPLESS_MAIN(TestSentencePieceTokenizer)
#include "tst_sentencepiece_tokenizer.moc"
