<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>i2v::ui::DropZone</name>
    <message>
        <location filename="../ui/DropZone.cpp" line="50"/>
        <source>Drop a picture here, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation>Bild hierher ziehen, öffnen (Strg+O) oder einfügen (Strg+V)</translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="82"/>
        <source>nothing to paste</source>
        <translation>nichts zum Einfügen</translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="99"/>
        <source>%1 holds no picture: use a PNG, JPEG, WebP, BMP or TIFF image</source>
        <translation>%1 enthält kein Bild: bitte ein PNG-, JPEG-, WebP-, BMP- oder TIFF-Bild verwenden</translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="144"/>
        <source>Drop a picture here
or open one (Ctrl+O) / paste one (Ctrl+V)</source>
        <translation>Bild hierher ziehen
oder öffnen (Strg+O) / einfügen (Strg+V)</translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="170"/>
        <source>%1 — %2×%3, the model sees the outlined %4×%5 crop</source>
        <translation>%1 — %2×%3, das Modell sieht den markierten Ausschnitt %4×%5</translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="171"/>
        <source>picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="194"/>
        <source>the dropped picture</source>
        <translation>das abgelegte Bild</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="19"/>
        <source>Export video</source>
        <translation>Video exportieren</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="37"/>
        <source>Playback rate of the file (independent of the model&apos;s fps conditioning)</source>
        <translation>Wiedergaberate der Datei (unabhängig von der FPS-Konditionierung des Modells)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="42"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="43"/>
        <source>Blend (fast)</source>
        <translation>Überblenden (schnell)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="44"/>
        <source>Motion (smooth)</source>
        <translation>Bewegung (flüssig)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="47"/>
        <source>Once</source>
        <translation>Einmal</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="48"/>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="49"/>
        <source>Ping-pong</source>
        <translation>Ping-Pong</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="53"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="54"/>
        <source>Playback fps</source>
        <translation>Wiedergabe-FPS</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="55"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="56"/>
        <source>Interpolation</source>
        <translation>Interpolation</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="57"/>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
</context>
<context>
    <name>i2v::ui::FramePlayer</name>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="28"/>
        <source>Play / pause (Space)</source>
        <translation>Abspielen / Pause (Leertaste)</translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="31"/>
        <source>Previous frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="34"/>
        <source>Next frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="37"/>
        <source>Scrub through the frames</source>
        <translation>Durch die Bilder scrollen</translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="40"/>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="44"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="46"/>
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="178"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::GenerationWorker</name>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="62"/>
        <source>Encoding the prompt</source>
        <translation>Prompt wird kodiert</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="63"/>
        <source>Encoding the image</source>
        <translation>Bild wird kodiert</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="64"/>
        <source>Denoising</source>
        <translation>Entrauschen</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="65"/>
        <source>Decoding frames</source>
        <translation>Bilder werden dekodiert</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="66"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="161"/>
        <source>out of memory while loading the model from %1</source>
        <translation>Speicher erschöpft beim Laden des Modells aus %1</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="165"/>
        <source>unknown error while loading the model from %1</source>
        <translation>unbekannter Fehler beim Laden des Modells aus %1</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="187"/>
        <source>no model is loaded: choose an I2VGen-XL model folder</source>
        <translation>kein Modell geladen: bitte einen I2VGen-XL-Modellordner wählen</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="188"/>
        <source>the model could not be loaded: %1</source>
        <translation>das Modell konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="230"/>
        <source>out of memory: try fewer frames, a smaller size or a decode chunk of 1</source>
        <translation>Speicher erschöpft: weniger Bilder, eine kleinere Größe oder Dekodierblock 1 versuchen</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="236"/>
        <source>unknown error in the engine</source>
        <translation>unbekannter Fehler in der Engine</translation>
    </message>
</context>
<context>
    <name>i2v::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="93"/>
        <source>I2V Studio</source>
        <translation>I2V Studio</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="103"/>
        <source>The estimate of every frame appears here while the video denoises</source>
        <translation>Hier erscheint während des Entrauschens die Schätzung jedes Bildes</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="105"/>
        <source>The finished video plays here</source>
        <translation>Hier läuft das fertige Video</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="106"/>
        <source>Live preview</source>
        <translation>Live-Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="107"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="148"/>
        <source>Denoising: step %1 of %2, about %3 s left</source>
        <translation>Entrauschen: Schritt %1 von %2, noch etwa %3 s</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="149"/>
        <source>Denoising: step %1 of %2</source>
        <translation>Entrauschen: Schritt %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="153"/>
        <source>Decoding frames: %1 of %2</source>
        <translation>Bilder dekodieren: %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="173"/>
        <source>Done: %1 frames</source>
        <translation>Fertig: %1 Bilder</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="177"/>
        <source>Generation failed: %1</source>
        <translation>Erzeugung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="178"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="203"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="204"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="207"/>
        <source>Cannot use this picture: %1</source>
        <translation>Dieses Bild ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="229"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="234"/>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="242"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="246"/>
        <source>What should happen in the video</source>
        <translation>Was im Video passieren soll</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="252"/>
        <source>What to avoid (negative prompt)</source>
        <translation>Was vermieden werden soll (Negativ-Prompt)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="267"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="271"/>
        <source>Model default</source>
        <translation>Modellvorgabe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="284"/>
        <source>Classifier-free guidance; 1 or less turns it off</source>
        <translation>Classifier-free Guidance; 1 oder weniger schaltet sie ab</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="289"/>
        <source>DDIM only: 0 is deterministic, 1 adds fresh noise every step</source>
        <translation>Nur DDIM: 0 ist deterministisch, 1 fügt in jedem Schritt neues Rauschen hinzu</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="295"/>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="296"/>
        <source>Pick a new random seed</source>
        <translation>Neuen zufälligen Seed wählen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="299"/>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="301"/>
        <source>Keep this seed; unlocked, every Generate picks a new one</source>
        <translation>Diesen Seed behalten; ungesperrt wählt jedes Erzeugen einen neuen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="315"/>
        <source>The model&apos;s frame-rate conditioning (not the playback rate)</source>
        <translation>Bildraten-Konditionierung des Modells (nicht die Wiedergaberate)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="320"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="321"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="346"/>
        <source>Frames per VAE decoder call: 1 uses the least memory</source>
        <translation>Bilder pro VAE-Dekoderaufruf: 1 braucht am wenigsten Speicher</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="349"/>
        <source>Fast (latent projection)</source>
        <translation>Schnell (Latent-Projektion)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="350"/>
        <source>Exact (VAE decode, slow)</source>
        <translation>Genau (VAE-Dekodierung, langsam)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="351"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="353"/>
        <source>Scheduler</source>
        <translation>Scheduler</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="354"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="355"/>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="356"/>
        <source>Eta</source>
        <translation>Eta</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="358"/>
        <source>Frames</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="359"/>
        <source>FPS conditioning</source>
        <translation>FPS-Konditionierung</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="360"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="361"/>
        <source>Decode chunk</source>
        <translation>Dekodierblock</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="362"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="365"/>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="367"/>
        <source>Generate the video (Ctrl+Enter)</source>
        <translation>Video erzeugen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="369"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="371"/>
        <source>Stop the running job (Esc)</source>
        <translation>Laufenden Auftrag anhalten (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="372"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="387"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="388"/>
        <source>&amp;Open picture…</source>
        <translation>Bild ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="390"/>
        <source>&amp;Paste picture</source>
        <translation>Bild &amp;einfügen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="392"/>
        <source>Choose &amp;model folder…</source>
        <translation>&amp;Modellordner wählen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="394"/>
        <source>&amp;Export video…</source>
        <translation>Video e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="395"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="397"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="400"/>
        <location filename="../ui/MainWindow.cpp" line="401"/>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="403"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="430"/>
        <source>No model found: choose an I2VGen-XL model folder (File ▸ Choose model folder…)</source>
        <translation>Kein Modell gefunden: bitte einen I2VGen-XL-Modellordner wählen (Datei ▸ Modellordner wählen…)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="487"/>
        <source>Loading the model from %1…</source>
        <translation>Modell wird aus %1 geladen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="496"/>
        <source>Choose an I2VGen-XL model folder</source>
        <translation>I2VGen-XL-Modellordner wählen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="506"/>
        <source>Model default (%1)</source>
        <translation>Modellvorgabe (%1)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="508"/>
        <source>Random-weight demo model: videos are noise. Put the real I2VGen-XL weights in %1 (or choose their folder).</source>
        <translation>Demo-Modell mit Zufallsgewichten: Videos sind Rauschen. Die echten I2VGen-XL-Gewichte nach %1 legen (oder ihren Ordner wählen).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="512"/>
        <source>Model ready: %1 (%2 M parameters)</source>
        <translation>Modell bereit: %1 (%2 Mio. Parameter)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="521"/>
        <source>The model in %1 could not be loaded: %2</source>
        <translation>Das Modell in %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="522"/>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="528"/>
        <source>Open a picture</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="529"/>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="539"/>
        <source>The clipboard holds no picture</source>
        <translation>Die Zwischenablage enthält kein Bild</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="542"/>
        <source>the pasted picture</source>
        <translation>das eingefügte Bild</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="547"/>
        <source>Choose a picture first: drop one on the left, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation>Zuerst ein Bild wählen: links ablegen, öffnen (Strg+O) oder einfügen (Strg+V)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="562"/>
        <source>Starting…</source>
        <translation>Start…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="571"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="587"/>
        <source>This build has no video export (FFmpeg was not found when it was built)</source>
        <translation>Dieser Build kann keine Videos exportieren (FFmpeg fehlte beim Bauen)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="605"/>
        <source>Export video</source>
        <translation>Video exportieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="612"/>
        <source>Replace file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="613"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="620"/>
        <source>An export is still running</source>
        <translation>Ein Export läuft noch</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="628"/>
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="632"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="634"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="658"/>
        <source>%1 / %2 — the model will not see the end of this text</source>
        <translation>%1 / %2 — das Modell sieht das Ende dieses Textes nicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="661"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
</TS>
