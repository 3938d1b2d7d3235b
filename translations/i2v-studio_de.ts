<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>i2v::ui::DropZone</name>
    <message>
        <location filename="../ui/DropZone.cpp" line="+50" />
        <source>Drop a picture here, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation>Bild hierher ziehen, öffnen (Strg+O) oder einfügen (Strg+V)</translation>
    </message>
    <message>
        <location line="+32" />
        <source>nothing to paste</source>
        <translation>nichts zum Einfügen</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%1 holds no picture: use a PNG, JPEG, WebP, GIF, BMP or TIFF image</source>
        <translation>%1 enthält kein Bild: bitte ein PNG-, JPEG-, WebP-, GIF-, BMP- oder TIFF-Bild verwenden</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Drop a picture here
or open one (Ctrl+O) / paste one (Ctrl+V)</source>
        <translation>Bild hierher ziehen
oder öffnen (Strg+O) / einfügen (Strg+V)</translation>
    </message>
    <message>
        <location line="+26" />
        <source>%1 — %2×%3, the model sees the outlined %4×%5 crop</source>
        <translation>%1 — %2×%3, das Modell sieht den markierten Ausschnitt %4×%5</translation>
    </message>
    <message>
        <location line="+1" />
        <source>picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+23" />
        <source>the dropped picture</source>
        <translation>das abgelegte Bild</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="+19" />
        <source>Export video</source>
        <translation>Video exportieren</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Playback rate of the file (independent of the model's fps conditioning)</source>
        <translation>Wiedergaberate der Datei (unabhängig von der FPS-Konditionierung des Modells)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Blend (fast)</source>
        <translation>Überblenden (schnell)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Motion (smooth)</source>
        <translation>Bewegung (flüssig)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Once</source>
        <translation>Einmal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ping-pong</source>
        <translation>Ping-Pong</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Playback fps</source>
        <translation>Wiedergabe-FPS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interpolation</source>
        <translation>Interpolation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
</context>
<context>
    <name>i2v::ui::FramePlayer</name>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="+28" />
        <source>Play / pause (Space)</source>
        <translation>Abspielen / Pause (Leertaste)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Previous frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Next frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Scrub through the frames</source>
        <translation>Durch die Bilder scrollen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <location line="+132" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::GenerationWorker</name>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="+66" />
        <source>Encoding the prompt</source>
        <translation>Prompt wird kodiert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Encoding the image</source>
        <translation>Bild wird kodiert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Denoising</source>
        <translation>Entrauschen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decoding frames</source>
        <translation>Bilder werden dekodiert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+154" />
        <source>out of memory while loading the model from %1</source>
        <translation>Speicher erschöpft beim Laden des Modells aus %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>unknown error while loading the model from %1</source>
        <translation>unbekannter Fehler beim Laden des Modells aus %1</translation>
    </message>
    <message>
        <location line="+25" />
        <source>no model is loaded: choose an I2VGen-XL model folder</source>
        <translation>kein Modell geladen: bitte einen I2VGen-XL-Modellordner wählen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the model could not be loaded: %1</source>
        <translation>das Modell konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location line="+44" />
        <source>out of memory: try fewer frames, a smaller size or a decode chunk of 1</source>
        <translation>Speicher erschöpft: weniger Bilder, eine kleinere Größe oder Dekodierblock 1 versuchen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>unknown error in the engine</source>
        <translation>unbekannter Fehler in der Engine</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The video was not saved: this build has no video export</source>
        <translation>Das Video wurde nicht gespeichert: diese Version hat keinen Videoexport</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The video was not saved: cannot create the folder %1</source>
        <translation>Das Video wurde nicht gespeichert: der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Writing the video</source>
        <translation>Video wird geschrieben</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The video was not saved: %1</source>
        <translation>Das Video wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>i2v::ui::HistoryPanel</name>
    <message>
        <location filename="../ui/HistoryPanel.cpp" line="+18" />
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Reuse settings</source>
        <translation>Einstellungen übernehmen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Put this job's picture, prompt and settings back into the controls</source>
        <translation>Bild, Prompt und Einstellungen dieses Auftrags wieder in die Bedienelemente setzen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Continue from last frame</source>
        <translation>Ab letztem Bild fortsetzen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Start a new job whose picture is the last frame of this video</source>
        <translation>Einen neuen Auftrag starten, dessen Bild das letzte Bild dieses Videos ist</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove this entry from the history (the video file stays)</source>
        <translation>Diesen Eintrag aus dem Verlauf entfernen (die Videodatei bleibt)</translation>
    </message>
    <message>
        <location line="+39" />
        <source>%1 · %2 · seed %3 · %4×%5, %6 frames, %7 steps</source>
        <translation>%1 · %2 · Seed %3 · %4×%5, %6 Bilder, %7 Schritte</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Started %1, ended %2</source>
        <translation>Begonnen %1, beendet %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobHistory</name>
    <message>
        <location filename="../ui/JobHistory.cpp" line="+73" />
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert</translation>
    </message>
    <message>
        <location line="+4" />
        <source>cannot create the folder of %1</source>
        <translation>der Ordner von %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobQueueModel</name>
    <message>
        <location filename="../ui/JobQueueModel.cpp" line="+13" />
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+17" />
        <source>#%1 %2</source>
        <translation>Nr. %1 %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
</context>
<context>
    <name>i2v::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+103" />
        <source>I2V Studio</source>
        <translation>I2V Studio</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The estimate of every frame appears here while the video denoises</source>
        <translation>Hier erscheint während des Entrauschens die Schätzung jedes Bildes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Live preview</source>
        <translation>Live-Vorschau</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+38" />
        <source>The job history cannot be opened (%1): jobs are not recorded</source>
        <translation>Der Auftragsverlauf kann nicht geöffnet werden (%1): Aufträge werden nicht aufgezeichnet</translation>
    </message>
    <message>
        <location line="+17" />
        <source>I2V Studio was closed before the job ended</source>
        <translation>I2V Studio wurde vor dem Ende des Auftrags geschlossen</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Denoising: step %1 of %2, about %3 s left</source>
        <translation>Entrauschen: Schritt %1 von %2, noch etwa %3 s</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Denoising: step %1 of %2</source>
        <translation>Entrauschen: Schritt %1 von %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Decoding frames: %1 of %2</source>
        <translation>Bilder dekodieren: %1 von %2</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Generation failed: %1</source>
        <translation>Erzeugung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location line="+9" />
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cannot use this picture: %1</source>
        <translation>Dieses Bild ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+4" />
        <source>What should happen in the video</source>
        <translation>Was im Video passieren soll</translation>
    </message>
    <message>
        <location line="+6" />
        <source>What to avoid (negative prompt)</source>
        <translation>Was vermieden werden soll (Negativ-Prompt)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Model default</source>
        <translation>Modellvorgabe</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Classifier-free guidance; 1 or less turns it off</source>
        <translation>Classifier-free Guidance; 1 oder weniger schaltet sie ab</translation>
    </message>
    <message>
        <location line="+5" />
        <source>DDIM only: 0 is deterministic, 1 adds fresh noise every step</source>
        <translation>Nur DDIM: 0 ist deterministisch, 1 fügt in jedem Schritt neues Rauschen hinzu</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pick a new random seed</source>
        <translation>Neuen zufälligen Seed wählen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keep this seed; unlocked, every Generate picks a new one</source>
        <translation>Diesen Seed behalten; ungesperrt wählt jedes Erzeugen einen neuen</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The model's frame-rate conditioning (not the playback rate)</source>
        <translation>Bildraten-Konditionierung des Modells (nicht die Wiedergaberate)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location line="+26" />
        <source>How many jobs Generate queues, one per seed</source>
        <translation>Wie viele Aufträge „Erzeugen“ einreiht, einer pro Seed</translation>
    </message>
    <message>
        <location line="+3" />
        <source>consecutive seeds</source>
        <translation>aufeinanderfolgende Seeds</translation>
    </message>
    <message>
        <location line="+1" />
        <source>random seeds</source>
        <translation>zufällige Seeds</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Scheduler</source>
        <translation>Scheduler</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Eta</source>
        <translation>Eta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Frames</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FPS conditioning</source>
        <translation>FPS-Konditionierung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Runs</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+331" />
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location line="-329" />
        <source>Generate the video (Ctrl+Enter)</source>
        <translation>Video erzeugen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop the running job (Esc)</source>
        <translation>Laufenden Auftrag anhalten (Esc)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Generate a new clip that starts from the last frame of this result</source>
        <translation>Einen neuen Clip erzeugen, der mit dem letzten Bild dieses Ergebnisses beginnt</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open picture…</source>
        <translation>Bild ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Paste picture</source>
        <translation>Bild &amp;einfügen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose &amp;model folder…</source>
        <translation>&amp;Modellordner wählen…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Export video…</source>
        <translation>Video e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+1" />
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel &amp;all</source>
        <translation>&amp;Alle abbrechen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;ontinue from last frame</source>
        <translation>Ab letztem Bild f&amp;ortsetzen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About I2V Studio</source>
        <translation>&amp;Über I2V Studio</translation>
    </message>
    <message>
        <location line="+2" />
        <source>About I2V Studio</source>
        <translation>Über I2V Studio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;h3&gt;I2V Studio %1&lt;/h3&gt;&lt;p&gt;Turns a picture and a prompt into a video with the I2VGen-XL diffusion model, computed locally with libtorch.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;I2V Studio %1&lt;/h3&gt;&lt;p&gt;Macht aus einem Bild und einem Prompt ein Video mit dem Diffusionsmodell I2VGen-XL, lokal berechnet mit libtorch.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+27" />
        <source>No model found: choose an I2VGen-XL model folder (File ▸ Choose model folder…)</source>
        <translation>Kein Modell gefunden: bitte einen I2VGen-XL-Modellordner wählen (Datei ▸ Modellordner wählen…)</translation>
    </message>
    <message>
        <location line="+61" />
        <source>Loading the model from %1…</source>
        <translation>Modell wird aus %1 geladen…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Choose an I2VGen-XL model folder</source>
        <translation>I2VGen-XL-Modellordner wählen</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Model default (%1)</source>
        <translation>Modellvorgabe (%1)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Random-weight demo model: videos are noise. Put the real I2VGen-XL weights in %1 (or choose their folder).</source>
        <translation>Demo-Modell mit Zufallsgewichten: Videos sind Rauschen. Die echten I2VGen-XL-Gewichte nach %1 legen (oder ihren Ordner wählen).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Model ready: %1 (%2 M parameters)</source>
        <translation>Modell bereit: %1 (%2 Mio. Parameter)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The model in %1 could not be loaded: %2</source>
        <translation>Das Modell in %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Open a picture</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The clipboard holds no picture</source>
        <translation>Die Zwischenablage enthält kein Bild</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the pasted picture</source>
        <translation>das eingefügte Bild</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1 is not a model folder (no model_index.json)</source>
        <translation>%1 ist kein Modellordner (keine model_index.json)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This build has no video export (FFmpeg was not found when it was built)</source>
        <translation>Dieser Build kann keine Videos exportieren (FFmpeg fehlte beim Bauen)</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Export video</source>
        <translation>Video exportieren</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Replace file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <location line="+7" />
        <source>An export is still running</source>
        <translation>Ein Export läuft noch</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+24" />
        <source>%1 / %2 — the model will not see the end of this text</source>
        <translation>%1 / %2 — das Modell sieht das Ende dieses Textes nicht</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Add to queue</source>
        <translation>Einreihen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowJobs.cpp" line="+53" />
        <source>Choose a picture first: drop one on the left, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation>Zuerst ein Bild wählen: links ablegen, öffnen (Strg+O) oder einfügen (Strg+V)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Starting…</source>
        <translation>Start…</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+8" />
        <location line="+7" />
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Done: %1 frames</source>
        <translation>Fertig: %1 Bilder</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done: %1 frames, saved as %2</source>
        <translation>Fertig: %1 Bilder, gespeichert als %2</translation>
    </message>
    <message>
        <location line="+30" />
        <source>The job could not be recorded in the history: %1</source>
        <translation>Der Auftrag konnte nicht im Verlauf aufgezeichnet werden: %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>There is no finished video to continue</source>
        <translation>Es gibt kein fertiges Video zum Fortsetzen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the last frame of the previous video</source>
        <translation>das letzte Bild des vorigen Videos</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The last frame of %1 cannot be read</source>
        <translation>Das letzte Bild von %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the last frame of %1</source>
        <translation>das letzte Bild von %1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>the picture of job %1</source>
        <translation>das Bild von Auftrag %1</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Settings of job %1 restored</source>
        <translation>Einstellungen von Auftrag %1 übernommen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The history entry could not be deleted: %1</source>
        <translation>Der Verlaufseintrag konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The folder %1 no longer exists</source>
        <translation>Der Ordner %1 existiert nicht mehr</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No file manager could open %1</source>
        <translation>Kein Dateimanager konnte %1 öffnen</translation>
    </message>
</context>
<context>
    <name>i2v::ui::QueuePanel</name>
    <message>
        <location filename="../ui/QueuePanel.cpp" line="+58" />
        <source>Cancel job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel all</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clear finished</source>
        <translation>Beendete entfernen</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ResultView</name>
    <message>
        <location filename="../ui/ResultView.cpp" line="+20" />
        <source>The finished video plays here</source>
        <translation>Das fertige Video wird hier abgespielt</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Playing the decoded frames: the video file cannot be played here (%1)</source>
        <translation>Die dekodierten Bilder werden abgespielt: die Videodatei kann hier nicht abgespielt werden (%1)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
</context>
<context>
    <name>i2v::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+28" />
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Every finished video is written here as an mp4</source>
        <translation>Jedes fertige Video wird hier als mp4 gespeichert</translation>
    </message>
    <message>
        <location line="+5" />
        <source>One per core (%1)</source>
        <translation>Einer pro Kern (%1)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The engine found no CUDA GPU</source>
        <translation>Die Engine hat keine CUDA-GPU gefunden</translation>
    </message>
    <message>
        <location line="+6" />
        <source>float32 (exact)</source>
        <translation>float32 (exakt)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>bfloat16 (half the memory)</source>
        <translation>bfloat16 (halber Speicher)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>float16 (CUDA only)</source>
        <translation>float16 (nur CUDA)</translation>
    </message>
    <message>
        <location line="+7" />
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unbounded</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Largest block of attention scores computed at once: smaller uses less memory</source>
        <translation>Größter auf einmal berechneter Block von Attention-Werten: kleiner braucht weniger Speicher</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Free the text and image encoders after each use</source>
        <translation>Text- und Bild-Encoder nach jeder Verwendung freigeben</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Decode frames in overlapping tiles</source>
        <translation>Bilder in überlappenden Kacheln dekodieren</translation>
    </message>
    <message>
        <source>Keep fp16 weight files in half precision</source>
        <translation>fp16-Gewichtsdateien in halber Genauigkeit behalten</translation>
    </message>
    <message>
        <source>Loads the .fp16 weight files when the model has them and keeps them in half precision: half the weight memory, every computation still in float32, a little slower per step</source>
        <translation>Lädt die .fp16-Gewichtsdateien, wenn das Modell sie hat, und behält sie in halber Genauigkeit: halber Speicher für die Gewichte, jede Berechnung weiterhin in float32, etwas langsamer pro Schritt</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Frames per VAE decoder call: 1 uses the least memory</source>
        <translation>Bilder pro VAE-Decoder-Aufruf: 1 braucht am wenigsten Speicher</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Fast (latent projection)</source>
        <translation>Schnell (latente Projektion)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Exact (VAE decode, slow)</source>
        <translation>Exakt (VAE-Dekodierung, langsam)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Choose an I2VGen-XL model folder</source>
        <translation>I2VGen-XL-Modellordner wählen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Choose the output folder</source>
        <translation>Ausgabeordner wählen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Compute precision</source>
        <translation>Rechengenauigkeit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Attention chunk</source>
        <translation>Attention-Block</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decode chunk</source>
        <translation>Dekodierblock</translation>
    </message>
    <message>
        <location line="+4" />
        <source>While generating</source>
        <translation>Während der Erzeugung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
</context>
<context>
    <name>i2v::ui::VideoPlayer</name>
    <message>
        <location filename="../ui/VideoPlayer.cpp" line="+56" />
        <source>Play / pause</source>
        <translation>Abspielen / Pause</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Previous frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Next frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Scrub through the video</source>
        <translation>Durch das Video scrubben</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <location line="+33" />
        <location line="+7" />
        <source>the file cannot be played</source>
        <translation>die Datei kann nicht abgespielt werden</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Qt Multimedia has no media back end on this system</source>
        <translation>Qt Multimedia hat auf diesem System kein Medien-Backend</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <location line="+66" />
        <source>%1 / %2 s</source>
        <translation>%1 / %2 s</translation>
    </message>
</context>
</TS>
