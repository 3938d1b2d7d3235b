#!/bin/sh
# lupdate's C++ parser does not follow `namespace i2v::ui {`, so it writes contexts without the
# namespace; tr() looks them up by the class's qualified name. Run after update_translations.
cd "$(dirname "$0")" || exit 1
for ts in i2v-studio_*.ts; do
  sed -i -E 's#<name>(DropZone|ExportDialog|FramePlayer|GenerationWorker|MainWindow|HistoryModel|HistoryPanel)</name>#<name>i2v::ui::\1</name>#' "$ts"
done
