<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>i2v::ui::DemoBanner</name>
    <message>
        <location filename="../ui/DemoBanner.cpp" line="+30" />
        <source>Try the Draft preset</source>
        <translation>Vorlage „Entwurf“ ausprobieren</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The Draft preset: %1. The default job (%2) keeps even the demo model busy for about an hour on a 2-core CPU.</source>
        <translation>Die Vorlage „Entwurf“: %1. Mit der Voreinstellung (%2) rechnet selbst das Demo-Modell auf einer CPU mit 2 Kernen etwa eine Stunde.</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+68" />
        <source>Download I2VGen-XL (fp16, about 5 GB)</source>
        <translation>I2VGen-XL herunterladen (fp16, etwa 5 GB)</translation>
    </message>
    <message>
        <location line="-15" />
        <source>This model has only %1 million parameters: it is a test checkpoint with random weights, and its videos are noise.</source>
        <translation>Dieses Modell hat nur %1 Millionen Parameter: es ist ein Test-Checkpoint mit zufälligen Gewichten, und seine Videos sind Rauschen.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Random-weight demo model: videos are noise. The real I2VGen-XL weights are on this computer: choose them in File ▸ Models…</source>
        <translation>Demo-Modell mit zufälligen Gewichten: die Videos sind Rauschen. Die echten I2VGen-XL-Gewichte sind auf diesem Computer: wählen Sie sie unter Datei ▸ Modelle…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Random-weight demo model: videos are noise. Download the real I2VGen-XL weights with the button (or `i2v download` on the command line), or put them in %1.</source>
        <translation>Demo-Modell mit zufälligen Gewichten: die Videos sind Rauschen. Laden Sie die echten I2VGen-XL-Gewichte mit der Schaltfläche herunter (oder mit `i2v download` auf der Kommandozeile), oder legen Sie sie in %1 ab.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Show the download (%1 %)</source>
        <translation>Download zeigen (%1 %)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the download</source>
        <translation>Download zeigen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>From %1 into the shared model cache; the Models window shows the progress</source>
        <translation>Von %1 in den gemeinsamen Modell-Cache; das Fenster Modelle zeigt den Fortschritt</translation>
    </message>
</context>
<context>
    <name>i2v::ui::DesktopNotifications</name>
    <message>
        <location filename="../ui/DesktopNotifications.cpp" line="+118" />
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>i2v::ui::DownloadPanel</name>
    <message>
        <location filename="../ui/DownloadPanel.cpp" line="+52" />
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <location line="+2" />
        <source>about %1 min left</source>
        <translation>noch etwa %1 min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>about %1 h %2 min left</source>
        <translation>noch etwa %1 h %2 min</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 free on the disk</source>
        <translation>%1 frei auf dem Datenträger</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Download I2VGen-XL (%1)</source>
        <translation>I2VGen-XL herunterladen (%1)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>fp16 weights, about 5 GB (recommended)</source>
        <translation>fp16-Gewichte, etwa 5 GB (empfohlen)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>fp32 weights, about 10 GB</source>
        <translation>fp32-Gewichte, etwa 10 GB</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The fp16 files are half the download; the engine computes in the precision chosen in Settings either way</source>
        <translation>Die fp16-Dateien sind halb so groß; gerechnet wird in jedem Fall mit der in den Einstellungen gewählten Genauigkeit</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+123" />
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location line="-121" />
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop for now and keep what has arrived; Resume continues from there, also after a restart</source>
        <translation>Vorerst anhalten und behalten, was angekommen ist; Fortsetzen macht dort weiter, auch nach einem Neustart</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop and delete the partly downloaded files (complete files stay in the cache)</source>
        <translation>Anhalten und die teilweise heruntergeladenen Dateien löschen (vollständige Dateien bleiben im Cache)</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Weights:</source>
        <translation>Gewichte:</translation>
    </message>
    <message>
        <location line="+9" />
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Cancelled: %1 of partly downloaded files deleted</source>
        <translation>Abgebrochen: %1 teilweise heruntergeladener Dateien gelöscht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Into the shared model cache %1 (huggingface_hub and diffusers use it too; another folder can be set in Settings ▸ Model hub), from %2.</source>
        <translation>In den gemeinsamen Modell-Cache %1 (huggingface_hub und diffusers nutzen ihn auch; einen anderen Ordner unter Einstellungen ▸ Modell-Hub festlegen), von %2.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Not downloading</source>
        <translation>Kein Download aktiv</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Asking %1 for the file list…</source>
        <translation>Dateiliste wird bei %1 abgefragt…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Everything is in the cache already: linking the model folder</source>
        <translation>Alles liegt bereits im Cache: der Modellordner wird verknüpft</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Downloading %1 of %2 files: %3 to fetch</source>
        <translation>%1 von %2 Dateien werden heruntergeladen: %3 zu holen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Pausing…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Paused: %1 of %2 kept. Resume continues from there (also after a restart of the app).</source>
        <translation>Angehalten: %1 von %2 behalten. Fortsetzen macht dort weiter (auch nach einem Neustart der App).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The download stopped; what has arrived is kept for another try</source>
        <translation>Der Download wurde beendet; was angekommen ist, bleibt für einen weiteren Versuch erhalten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The download could not start</source>
        <translation>Der Download konnte nicht beginnen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Complete and verified: %1</source>
        <translation>Vollständig und geprüft: %1</translation>
    </message>
    <message>
        <location line="+20" />
        <source>All %1 files are in place</source>
        <translation>Alle %1 Dateien sind vorhanden</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 (file %2 of %3): checking the %4 kept from before</source>
        <translation>%1 (Datei %2 von %3): die zuvor behaltenen %4 werden geprüft</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 (file %2 of %3): %4 of %5</source>
        <translation>%1 (Datei %2 von %3): %4 von %5</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Waiting for the server: no data for %1 s</source>
        <translation>Warte auf den Server: seit %1 s keine Daten</translation>
    </message>
</context>
<context>
    <name>i2v::ui::DownloadStatusButton</name>
    <message>
        <location filename="../ui/DownloadStatusButton.cpp" line="+12" />
        <source>Show the download in the Models window</source>
        <translation>Den Download im Fenster „Modelle“ zeigen</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Downloading %1: %2 % (%3 of %4)</source>
        <translation>Download von %1: %2 % (%3 von %4)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Downloading %1: starting…</source>
        <translation>Download von %1: beginnt…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Pausing the download…</source>
        <translation>Download wird angehalten…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelling the download…</source>
        <translation>Download wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Download paused at %1 %</source>
        <translation>Download bei %1 % angehalten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Download stopped: see Models…</source>
        <translation>Download beendet: siehe Modelle…</translation>
    </message>
</context>
<context>
    <name>i2v::ui::DownloadWorker</name>
    <message>
        <location filename="../ui/DownloadWorker.cpp" line="+134" />
        <source>This build of I2V Studio cannot download models: it was built without libcurl and OpenSSL. Put the model folder in place by hand and add it with Add folder…</source>
        <translation>Dieser Build von I2V Studio kann keine Modelle herunterladen: Er wurde ohne libcurl und OpenSSL gebaut. Den Modellordner bitte von Hand ablegen und mit „Ordner hinzufügen…“ eintragen</translation>
    </message>
    <message>
        <location line="+87" />
        <source>the download stopped on an unexpected error: %1</source>
        <translation>der Download wurde durch einen unerwarteten Fehler beendet: %1</translation>
    </message>
</context>
<context>
    <name>i2v::ui::DropZone</name>
    <message>
        <location filename="../ui/DropZone.cpp" line="+78" />
        <source>Drop a picture here, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation>Bild hierher ziehen, öffnen (Strg+O) oder einfügen (Strg+V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+50" />
        <source>there is not enough free memory to read this picture</source>
        <translation>es ist nicht genug Speicher frei, um dieses Bild zu lesen</translation>
    </message>
    <message>
        <location line="+43" />
        <source>nothing to paste</source>
        <translation>nichts zum Einfügen</translation>
    </message>
    <message>
        <location line="+19" />
        <source>%1 holds no picture: use a PNG, JPEG, WebP, GIF, BMP or TIFF image</source>
        <translation>%1 enthält kein Bild: bitte ein PNG-, JPEG-, WebP-, GIF-, BMP- oder TIFF-Bild verwenden</translation>
    </message>
    <message>
        <location line="+210" />
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>the picture</source>
        <translation>das Bild</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Drop a picture here
or open one (Ctrl+O) / paste one (Ctrl+V)</source>
        <translation>Bild hierher ziehen
oder öffnen (Strg+O) / einfügen (Strg+V)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 — %2×%3, the model sees the outlined %4×%5 crop</source>
        <translation>%1 — %2×%3, das Modell sieht den markierten Ausschnitt %4×%5</translation>
    </message>
    <message>
        <location line="+1" />
        <source>picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+6" />
        <source> (moved; double-click it or press Home to centre it)</source>
        <translation> (verschoben; Doppelklick oder Pos1 zentriert ihn wieder)</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (drag it or use the arrow keys to move it)</source>
        <translation> (zum Verschieben ziehen oder die Pfeiltasten drücken)</translation>
    </message>
    <message>
        <location line="+28" />
        <source>the dropped picture</source>
        <translation>das abgelegte Bild</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ErrorBanner</name>
    <message>
        <location filename="../ui/ErrorBanner.cpp" line="+25" />
        <location line="+1" />
        <source>Dismiss this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show what exactly went wrong, for a bug report or a search</source>
        <translation>Zeigen, was genau schiefging – für einen Fehlerbericht oder eine Suche</translation>
    </message>
</context>
<context>
    <name>i2v::ui::EstimatePanel</name>
    <message>
        <location filename="../ui/EstimatePanel.cpp" line="+15" />
        <source>Measured on this computer with this model: right after the model first loads, then refined by every job</source>
        <translation>Auf diesem Computer mit diesem Modell gemessen: gleich nach dem ersten Laden des Modells, danach mit jedem Auftrag verfeinert</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Measuring this computer's speed with the model…</source>
        <translation>Die Geschwindigkeit dieses Computers mit dem Modell wird gemessen…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The job needs about %1 of memory.</source>
        <translation>Der Auftrag braucht etwa %1 Arbeitsspeicher.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 jobs: %2</source>
        <translation>%1 Aufträge: %2</translation>
    </message>
    <message>
        <location line="+11" />
        <source>No model loaded: no estimate</source>
        <translation>Kein Modell geladen: keine Schätzung</translation>
    </message>
    <message>
        <location line="+13" />
        <source>A long job on this computer: the %1 preset (%2) takes %3. &lt;a href="draft"&gt;Use %1&lt;/a&gt;</source>
        <translation>Ein langer Auftrag auf diesem Computer: mit der Vorlage „%1“ (%2) dauert er %3. &lt;a href="draft"&gt;„%1“ verwenden&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="+20" />
        <source>Export video</source>
        <translation>Video exportieren</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Playback rate of the file (independent of the model's fps conditioning)</source>
        <translation>Wiedergaberate der Datei (unabhängig von der FPS-Konditionierung des Modells)</translation>
    </message>
    <message>
        <location line="+6" />
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
        <location line="+10" />
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
        <source>Interpolated fps</source>
        <translation>Interpolierte fps</translation>
    </message>
    <message>
        <location line="+29" />
        <source>These settings cannot be exported</source>
        <translation>Diese Einstellungen lassen sich nicht exportieren</translation>
    </message>
    <message>
        <location line="-42" />
        <source>The rate of the written video when frames are interpolated: above the playback fps, which then sets how fast the motion plays</source>
        <translation>Bildrate des geschriebenen Videos, wenn Bilder interpoliert werden: über der Wiedergabe-fps, die dann bestimmt, wie schnell die Bewegung abläuft</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ExportFlow</name>
    <message>
        <location filename="../ui/ExportFlow.cpp" line="+33" />
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
</context>
<context>
    <name>i2v::ui::FrameExport</name>
    <message>
        <location filename="../ui/FrameExport.cpp" line="+58" />
        <source>The file holds no frame</source>
        <translation>Die Datei enthält kein Bild</translation>
    </message>
</context>
<context>
    <name>i2v::ui::FramePlayer</name>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="+30" />
        <source>Play / pause (Space)</source>
        <translation>Abspielen / Pause (Leertaste)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Scrub through the frames</source>
        <translation>Durch die Bilder scrollen</translation>
    </message>
    <message>
        <location line="+4" />
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
        <location line="+134" />
        <source>frame %1 / %2</source>
        <translation>Bild %1 / %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::FrameStepButton</name>
    <message>
        <location filename="../ui/FrameStepButton.cpp" line="+13" />
        <source>Previous frame (Left)</source>
        <translation>Vorheriges Bild (Pfeil links)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Next frame (Right)</source>
        <translation>Nächstes Bild (Pfeil rechts)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next frame</source>
        <translation>Nächstes Bild</translation>
    </message>
</context>
<context>
    <name>i2v::ui::GalleryController</name>
    <message>
        <location filename="../ui/GalleryController.cpp" line="+39" />
        <source>%1 no longer exists</source>
        <translation>%1 existiert nicht mehr</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Settings of job %1 restored</source>
        <translation>Einstellungen von Auftrag %1 übernommen</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Delete from the gallery?</source>
        <translation>Aus der Galerie löschen?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove this job from the gallery? Its video %1 stays on disk unless you delete it too.</source>
        <translation>Diesen Auftrag aus der Galerie entfernen? Sein Video %1 bleibt auf dem Datenträger, außer Sie löschen es mit.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove this job from the gallery? It has no video file.</source>
        <translation>Diesen Auftrag aus der Galerie entfernen? Er hat keine Videodatei.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keep the file</source>
        <translation>Datei behalten</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Delete the file too</source>
        <translation>Datei auch löschen</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 could not be deleted (%2); the gallery entry is kept</source>
        <translation>%1 konnte nicht gelöscht werden (%2); der Galerie-Eintrag bleibt</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The gallery entry could not be deleted: %1</source>
        <translation>Der Galerie-Eintrag konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Removed job %1 from the gallery</source>
        <translation>Auftrag %1 aus der Galerie entfernt</translation>
    </message>
    <message>
        <location line="-45" />
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
    <name>i2v::ui::GalleryModel</name>
    <message>
        <location filename="../ui/GalleryModel.cpp" line="+17" />
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
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
        <location line="+18" />
        <source>%1 · %2 · seed %3 · %4×%5, %6 frames, %7 steps</source>
        <translation>%1 · %2 · Seed %3 · %4×%5, %6 Bilder, %7 Schritte</translation>
    </message>
</context>
<context>
    <name>i2v::ui::GalleryPanel</name>
    <message>
        <location filename="../ui/GalleryPanel.cpp" line="+32" />
        <source>Filter by prompt</source>
        <translation>Nach Prompt filtern</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show only the videos whose prompt contains this text</source>
        <translation>Nur die Videos zeigen, deren Prompt diesen Text enthält</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show only the videos made in this period</source>
        <translation>Nur die in diesem Zeitraum erstellten Videos zeigen</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Play this video in the result view</source>
        <translation>Dieses Video in der Ergebnisansicht abspielen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Write this video in another format</source>
        <translation>Dieses Video in einem anderen Format schreiben</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reuse settings</source>
        <translation>Einstellungen übernehmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Put this job's picture, prompt and settings back into the controls</source>
        <translation>Bild, Prompt und Einstellungen dieses Auftrags wieder in die Bedienelemente setzen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Continue from last frame</source>
        <translation>Ab letztem Bild fortsetzen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start a new job whose picture is the last frame of this video</source>
        <translation>Einen neuen Auftrag starten, dessen Bild das letzte Bild dieses Videos ist</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the folder that holds this video</source>
        <translation>Den Ordner mit diesem Video öffnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove this video from the gallery (you choose whether the file stays)</source>
        <translation>Dieses Video aus der Galerie entfernen (Sie wählen, ob die Datei bleibt)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Copy the video file, to paste it into another application</source>
        <translation>Die Videodatei kopieren, um sie in eine andere Anwendung einzufügen</translation>
    </message>
    <message>
        <location line="+144" />
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+0" />
        <source>1 video</source>
        <translation>1 Video</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 videos</source>
        <translation>%1 Videos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your videos appear here when a job ends.</source>
        <translation>Ihre Videos erscheinen hier, sobald ein Auftrag endet.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No video matches the filter.</source>
        <translation>Kein Video passt zum Filter.</translation>
    </message>
</context>
<context>
    <name>i2v::ui::GenerationForm</name>
    <message>
        <location filename="../ui/GenerationForm.cpp" line="+69" />
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
        <location line="+13" />
        <source>&amp;Negative prompt (what to avoid):</source>
        <translation>&amp;Vermeiden (Negativ-Prompt):</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Use recommended</source>
        <translation>Empfohlenen nehmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Put back the negative prompt the I2VGen-XL model card recommends</source>
        <translation>Den negativen Prompt wieder einsetzen, den die Modellkarte von I2VGen-XL empfiehlt</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+291" />
        <source>Model default</source>
        <translation>Modellvorgabe</translation>
    </message>
    <message>
        <location line="-285" />
        <source>How the noise is removed step by step: each method needs a different number of steps for a clean video</source>
        <translation>Wie das Rauschen Schritt für Schritt entfernt wird: jedes Verfahren braucht eine andere Zahl von Schritten für ein sauberes Video</translation>
    </message>
    <message>
        <location line="+6" />
        <source>More steps give a cleaner video and take longer: the time grows with the steps</source>
        <translation>Mehr Schritte ergeben ein saubereres Video und dauern länger: die Zeit wächst mit den Schritten</translation>
    </message>
    <message>
        <location line="+5" />
        <source>How strongly the video follows the prompt: higher follows it more closely, lower gives the model more freedom; 1 or less ignores the prompts and halves the time</source>
        <translation>Wie genau das Video dem Prompt folgt: höher folgt ihm enger, niedriger lässt dem Modell mehr Freiheit; 1 oder weniger ignoriert die Prompts und halbiert die Zeit</translation>
    </message>
    <message>
        <location line="+6" />
        <source>DDIM only: 0 is deterministic, 1 adds fresh noise every step</source>
        <translation>Nur DDIM: 0 ist deterministisch, 1 fügt in jedem Schritt neues Rauschen hinzu</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The starting noise: the same seed and settings give the same video again</source>
        <translation>Das Anfangsrauschen: derselbe Seed mit denselben Einstellungen ergibt wieder dasselbe Video</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pick a new random seed</source>
        <translation>Neuen zufälligen Seed wählen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keep this seed; unlocked, every Generate picks a new one</source>
        <translation>Diesen Seed behalten; ungesperrt wählt jedes Erzeugen einen neuen</translation>
    </message>
    <message>
        <location line="+9" />
        <source>How many frames the video has: the model was trained on 16; time and memory grow with them</source>
        <translation>Wie viele Bilder das Video hat: das Modell wurde mit 16 trainiert; Zeit und Speicher wachsen mit ihnen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>How much motion the model puts between frames: lower values move more per frame. It is not the playback speed, which Export sets</source>
        <translation>Wie viel Bewegung das Modell zwischen die Bilder legt: niedrigere Werte bewegen sich mehr pro Bild. Es ist nicht die Wiedergabegeschwindigkeit, die der Export festlegt</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The video's size in pixels: the model's own is 1280 × 704; time and memory grow with the area</source>
        <translation>Die Größe des Videos in Pixeln: die eigene des Modells ist 1280 × 704; Zeit und Speicher wachsen mit der Fläche</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Width in pixels, a multiple of 8</source>
        <translation>Breite in Pixeln, ein Vielfaches von 8</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Height in pixels, a multiple of 8</source>
        <translation>Höhe in Pixeln, ein Vielfaches von 8</translation>
    </message>
    <message>
        <location line="+25" />
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
        <location line="+1" />
        <source>The seeds of the extra runs: the next numbers after the Seed row's, or random ones</source>
        <translation>Die Seeds der zusätzlichen Durchläufe: die Zahlen nach dem Seed der Seed-Zeile oder zufällige</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location line="+1" />
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
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Runs</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Randomness of the DDIM steps and the motion the model aims for</source>
        <translation>Zufälligkeit der DDIM-Schritte und die Bewegung, die das Modell anstrebt</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Randomness (eta)</source>
        <translation>Zufälligkeit (eta)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Motion (fps conditioning)</source>
        <translation>Bewegung (fps-Konditionierung)</translation>
    </message>
    <message>
        <location line="+53" />
        <source>the picture of the job</source>
        <translation>das Bild des Auftrags</translation>
    </message>
    <message>
        <location line="+102" />
        <source>DDIM (the model's own)</source>
        <translation>DDIM (der eigene des Modells)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The sampler I2VGen-XL was made with: best at 50 steps, steady at 25</source>
        <translation>Der Sampler, mit dem I2VGen-XL gemacht wurde: am besten mit 50 Schritten, solide mit 25</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DPM++ 2M (fast)</source>
        <translation>DPM++ 2M (schnell)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Good results in 20–25 steps: the quickest way to a clean video</source>
        <translation>Gute Ergebnisse in 20–25 Schritten: der schnellste Weg zu einem sauberen Video</translation>
    </message>
    <message>
        <location line="+2" />
        <source>UniPC (fast)</source>
        <translation>UniPC (schnell)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Good results in 15–25 steps, close to DPM++ 2M</source>
        <translation>Gute Ergebnisse in 15–25 Schritten, ähnlich wie DPM++ 2M</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Simple and predictable: 30–50 steps</source>
        <translation>Einfach und vorhersehbar: 30–50 Schritte</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Euler Ancestral (varied)</source>
        <translation>Euler Ancestral (abwechslungsreich)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Adds fresh noise every step: more variety between seeds, 30–50 steps, never fully settles</source>
        <translation>Fügt in jedem Schritt frisches Rauschen hinzu: mehr Vielfalt zwischen Seeds, 30–50 Schritte, kommt nie ganz zur Ruhe</translation>
    </message>
    <message>
        <location line="+3" />
        <source>DDPM (slow)</source>
        <translation>DDPM (langsam)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The original sampler: needs hundreds of steps for a clean video</source>
        <translation>Der ursprüngliche Sampler: braucht Hunderte von Schritten für ein sauberes Video</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Model default: %1</source>
        <translation>Modellvorgabe: %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 / %2 — the model will not see the end of this text</source>
        <translation>%1 / %2 — das Modell sieht das Ende dieses Textes nicht</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::GenerationWorker</name>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="+46" />
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
        <location line="+17" />
        <source>Going on from step %1 of %2</source>
        <translation>Fortsetzung ab Schritt %1 von %2</translation>
    </message>
    <message>
        <location line="+191" />
        <source>out of memory while loading the model from %1</source>
        <translation>Speicher erschöpft beim Laden des Modells aus %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>unknown error while loading the model from %1</source>
        <translation>unbekannter Fehler beim Laden des Modells aus %1</translation>
    </message>
    <message>
        <location line="+97" />
        <source>no model is loaded: choose an I2VGen-XL model folder</source>
        <translation>kein Modell geladen: bitte einen I2VGen-XL-Modellordner wählen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the model could not be loaded: %1</source>
        <translation>das Modell konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location line="+29" />
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
        <location line="+6" />
        <source>The video was not saved: %1</source>
        <translation>Das Video wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Joining the parts into one video</source>
        <translation>Die Teile werden zu einem Video verbunden</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 cannot be read (%2)</source>
        <translation>%1 kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is longer than %2 frames</source>
        <translation>%1 ist länger als %2 Bilder</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is %2×%3 and this clip %4×%5</source>
        <translation>%1 ist %2×%3 und dieser Clip %4×%5</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+16" />
        <source>The parts were not joined: %1. This clip is saved on its own.</source>
        <translation>Die Teile wurden nicht verbunden: %1. Dieser Clip ist einzeln gespeichert.</translation>
    </message>
</context>
<context>
    <name>i2v::ui::HubPreferences</name>
    <message>
        <location filename="../ui/HubPreferences.cpp" line="+42" />
        <source>the stored access token %1 cannot be removed</source>
        <translation>das gespeicherte Zugriffstoken %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the folder of %1 cannot be created</source>
        <translation>der Ordner von %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+3" />
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::InputAdvice</name>
    <message>
        <location filename="../ui/InputAdvice.cpp" line="+38" />
        <source>This picture is too far from the shape of a %1 × %2 video for the model to use it: crop it closer to the video's proportions.</source>
        <translation>Dieses Bild weicht zu weit von der Form eines %1 × %2-Videos ab, als dass das Modell es verwenden könnte: Schneiden Sie es näher an den Seitenverhältnissen des Videos zu.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The picture is small for this video: the part used (%1 × %2 pixels) is enlarged %3× to %4 × %5, so the video will look soft. A larger picture gives a sharper video.</source>
        <translation>Das Bild ist klein für dieses Video: der verwendete Teil (%1 × %2 Pixel) wird %3× auf %4 × %5 vergrößert, das Video wird also weich aussehen. Ein größeres Bild ergibt ein schärferes Video.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Only %1 % of the picture is used: the video's shape cuts off the dimmed part.</source>
        <translation>Nur %1 % des Bildes werden verwendet: das Format des Videos schneidet den abgedunkelten Teil ab.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>This picture is upright: a %1 × %2 video keeps %3 % of it instead of %4 %.</source>
        <translation>Dieses Bild ist hochkant: ein Video mit %1 × %2 behält %3 % davon statt %4 %.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This picture is wide: a %1 × %2 video keeps %3 % of it instead of %4 %.</source>
        <translation>Dieses Bild ist quer: ein Video mit %1 × %2 behält %3 % davon statt %4 %.</translation>
    </message>
</context>
<context>
    <name>i2v::ui::InputAdvicePanel</name>
    <message>
        <location line="+29" />
        <source>Use %1 × %2</source>
        <translation>%1 × %2 verwenden</translation>
    </message>
</context>
<context>
    <name>i2v::ui::InputPanel</name>
    <message>
        <location filename="../ui/InputPanel.cpp" line="+26" />
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This picture cannot be used. Choose a PNG, JPEG, WebP, GIF, BMP or TIFF picture that opens in an image viewer.</source>
        <translation>Dieses Bild kann nicht verwendet werden. Wählen Sie ein PNG-, JPEG-, WebP-, GIF-, BMP- oder TIFF-Bild, das sich in einem Bildbetrachter öffnen lässt.</translation>
    </message>
    <message>
        <location line="+20" />
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
</context>
<context>
    <name>i2v::ui::JobAttention</name>
    <message>
        <location filename="../ui/JobAttention.cpp" line="+31" />
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Decoding %1/%2</source>
        <translation>Dekodieren %1/%2</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 – %2</source>
        <comment>window title while a job runs: progress – app name</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Video ready</source>
        <translation>Video fertig</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Video made, but not saved</source>
        <translation>Video erstellt, aber nicht gespeichert</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 frames in %2</source>
        <translation>%1 Bilder in %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 frames</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Generation failed</source>
        <translation>Erzeugung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>1 more job in the queue</source>
        <translation>1 weiterer Auftrag in der Warteschlange</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 more jobs in the queue</source>
        <translation>%1 weitere Aufträge in der Warteschlange</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobController</name>
    <message>
        <location filename="../ui/JobController.cpp" line="+64" />
        <source>I2V Studio was closed before the job ended</source>
        <translation>I2V Studio wurde vor dem Ende des Auftrags geschlossen</translation>
    </message>
    <message>
        <location line="+58" />
        <source>%1, %2 left</source>
        <translation>%1, noch %2</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Denoising: step %1 of %2, %3 left</source>
        <translation>Entrauschen: Schritt %1 von %2, noch %3</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Denoising: step %1 of %2</source>
        <translation>Entrauschen: Schritt %1 von %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Decoding frames: %1 of %2</source>
        <translation>Bilder dekodieren: %1 von %2</translation>
    </message>
    <message>
        <location line="+23" />
        <source>%1. Its progress is kept (%2 of %3 steps): Resume goes on from there.</source>
        <translation>%1. Der Fortschritt bleibt erhalten (%2 von %3 Schritten): „Fortsetzen“ macht dort weiter.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>This job cannot go on after a stop (%1): it runs all the same</source>
        <translation>Dieser Auftrag kann nach einem Abbruch nicht fortgesetzt werden (%1): Er läuft trotzdem</translation>
    </message>
    <message>
        <location line="+167" />
        <source>The job could not be recorded in the history: %1</source>
        <translation>Der Auftrag konnte nicht im Verlauf aufgezeichnet werden: %1</translation>
    </message>
    <message>
        <location line="+49" />
        <source>%1 cannot be played: %2</source>
        <translation>%1 kann nicht abgespielt werden: %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobEstimate</name>
    <message>
        <location filename="../ui/JobEstimate.cpp" line="+88" />
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>under 1 s</source>
        <translation>unter 1 s</translation>
    </message>
    <message>
        <location line="+2" />
        <source>about %1 s</source>
        <translation>etwa %1 s</translation>
    </message>
    <message>
        <location line="+3" />
        <source>about %1 min</source>
        <translation>etwa %1 min</translation>
    </message>
    <message>
        <location line="+3" />
        <source>about %1 days</source>
        <translation>etwa %1 Tage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>about %1 h %2 min</source>
        <translation>etwa %1 h %2 min</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Takes %1 (%2 per step)</source>
        <translation>Dauert %1 (%2 pro Schritt)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Takes %1 (%2 per step, measured while the computer was busy)</source>
        <translation>Dauert %1 (%2 pro Schritt, gemessen, während der Computer ausgelastet war)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Time: not measured on this computer yet</source>
        <translation>Zeit: auf diesem Computer noch nicht gemessen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>needs %1 of %2 memory</source>
        <translation>braucht %1 von %2 Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+1" />
        <source>needs %1 of memory</source>
        <translation>braucht %1 Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This job will not fit in this computer's memory. Turn on Low-memory mode in Settings: it needs about %1 then.</source>
        <translation>Dieser Auftrag passt nicht in den Arbeitsspeicher dieses Computers. Schalten Sie in den Einstellungen den Sparmodus für Speicher ein: dann braucht er etwa %1.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This job will not fit in this computer's memory, even in Low-memory mode: choose a smaller size or fewer frames.</source>
        <translation>Dieser Auftrag passt nicht in den Arbeitsspeicher dieses Computers, auch nicht im Sparmodus für Speicher: wählen Sie eine kleinere Größe oder weniger Bilder.</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobHistory</name>
    <message>
        <location filename="../ui/JobHistory.cpp" line="+91" />
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
    <name>i2v::ui::JobLauncher</name>
    <message>
        <location filename="../ui/JobLauncher.cpp" line="+24" />
        <source>Choose a picture first: drop one on the left, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation>Zuerst ein Bild wählen: links ablegen, öffnen (Strg+O) oder einfügen (Strg+V)</translation>
    </message>
    <message>
        <location line="+56" />
        <source>%1. Choose another output folder in Settings.</source>
        <translation>%1. Wählen Sie in den Einstellungen einen anderen Ausgabeordner.</translation>
    </message>
    <message>
        <location line="-15" />
        <location line="+7" />
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="-31" />
        <source>the last frame of the previous video</source>
        <translation>das letzte Bild des vorigen Videos</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The last frame of %1 cannot be read</source>
        <translation>Das letzte Bild von %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+5" />
        <source>the last frame of %1</source>
        <translation>das letzte Bild von %1</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobPanel</name>
    <message>
        <location filename="../ui/JobPanel.cpp" line="+36" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+45" />
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location line="-43" />
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
        <location line="+2" />
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Generate a new clip that starts from the last frame of this result</source>
        <translation>Einen neuen Clip erzeugen, der mit dem letzten Bild dieses Ergebnisses beginnt</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Add to queue</source>
        <translation>Einreihen</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobPresets</name>
    <message>
        <location filename="../ui/JobPresets.cpp" line="+46" />
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%1 × %2, %3 frames, %4 steps</source>
        <translation>%1 × %2, %3 Bilder, %4 Schritte</translation>
    </message>
    <message>
        <location line="+42" />
        <source>A preset needs a name</source>
        <translation>Eine Vorlage braucht einen Namen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“%1” is a built-in preset: choose another name</source>
        <translation>„%1“ ist eine eingebaute Vorlage: Wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A preset name cannot contain / or \</source>
        <translation>Ein Vorlagenname darf weder / noch \ enthalten</translation>
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
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
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
        <location line="+19" />
        <source>#%1 %2</source>
        <translation>Nr. %1 %2</translation>
    </message>
    <message>
        <location line="+0" />
        <source>#%1 (no prompt)</source>
        <translation>Nr. %1 (ohne Prompt)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+13" />
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
    <message>
        <location line="+1" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+57" />
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1, %2 left</source>
        <translation>%1, noch %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobStatusBar</name>
    <message>
        <location filename="../ui/JobStatusBar.cpp" line="+27" />
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Showing %1 from the gallery (its first %2 of %3 frames)</source>
        <translation>%1 aus der Galerie (die ersten %2 von %3 Bildern)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Showing %1 from the gallery: %2 frames</source>
        <translation>%1 aus der Galerie: %2 Bilder</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not saved: %1 frames</source>
        <translation>Nicht gespeichert: %1 Bilder</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Done: %1 frames</source>
        <translation>Fertig: %1 Bilder</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done: %1 frames, saved as %2</source>
        <translation>Fertig: %1 Bilder, gespeichert als %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Starting…</source>
        <translation>Start…</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Loading the model from %1…</source>
        <translation>Modell wird aus %1 geladen…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Model ready: %1 (%2 M parameters)</source>
        <translation>Modell bereit: %1 (%2 Mio. Parameter)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
</context>
<context>
    <name>i2v::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+69" />
        <source>I2V Studio</source>
        <translation>I2V Studio</translation>
    </message>
    <message>
        <location line="+247" />
        <source>The model download stopped: %1</source>
        <translation>Der Modell-Download wurde beendet: %1</translation>
    </message>
    <message>
        <location line="-195" />
        <source>Resuming the download of %1 that was under way when I2V Studio was closed</source>
        <translation>Der beim Schließen von I2V Studio laufende Download von %1 wird fortgesetzt</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The job history cannot be opened (%1): jobs are not recorded</source>
        <translation>Der Auftragsverlauf kann nicht geöffnet werden (%1): Aufträge werden nicht aufgezeichnet</translation>
    </message>
    <message>
        <location line="+140" />
        <source>Generation failed: %1</source>
        <translation>Erzeugung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="-133" />
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location line="+44" />
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
        <source>&amp;Models…</source>
        <translation>&amp;Modelle…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="-13" />
        <source>Choose &amp;model folder…</source>
        <translation>&amp;Modellordner wählen…</translation>
    </message>
    <message>
        <location line="-72" />
        <source>The job history could not be read (%1), so a new one has begun; the old file is kept as %2</source>
        <translation>Der Auftragsverlauf war nicht lesbar (%1), daher wurde ein neuer begonnen; die alte Datei wurde als %2 aufbewahrt</translation>
    </message>
    <message>
        <location line="+74" />
        <source>Use the &amp;demo model</source>
        <translation>&amp;Demo-Modell verwenden</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Export video…</source>
        <translation>Video e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+2" />
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cancel &amp;all</source>
        <translation>&amp;Alle abbrechen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>C&amp;ontinue from last frame</source>
        <translation>Ab letztem Bild f&amp;ortsetzen</translation>
    </message>
    <message>
        <location line="+9" />
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
        <translation>&lt;h3&gt;I2V Studio %1&lt;/h3&gt;&lt;p&gt;Macht aus einem Bild und einem Prompt ein Video mit dem Diffusionsmodell I2VGen-XL, lokal mit libtorch berechnet.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+161" />
        <source>The access token was not saved: %1</source>
        <translation>Das Zugriffstoken wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="-115" />
        <source>The video was not saved; its %1 frames are kept until the next result. %2</source>
        <translation>Das Video wurde nicht gespeichert; seine %1 Bilder bleiben bis zum nächsten Ergebnis erhalten. %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <location line="+155" />
        <source>the dropped picture</source>
        <translation>das abgelegte Bild</translation>
    </message>
    <message>
        <location line="-223" />
        <source>&amp;Join continued parts into one video</source>
        <translation>Fortgesetzte Teile zu einem Video &amp;verbinden</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Continue also writes the earlier video and the new clip as one video, and shows that</source>
        <translation>Fortsetzen schreibt das frühere Video und den neuen Clip auch als ein Video und zeigt dieses</translation>
    </message>
    <message>
        <location line="+94" />
        <source>The model in %1 could not be loaded. Download I2VGen-XL again or choose another model folder (File ▸ Models…).</source>
        <translation>Das Modell in %1 konnte nicht geladen werden. Laden Sie I2VGen-XL erneut herunter oder wählen Sie einen anderen Modellordner (Datei ▸ Modelle…).</translation>
    </message>
    <message>
        <location line="-177" />
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ModelChoice</name>
    <message>
        <location filename="../ui/ModelChoice.cpp" line="+43" />
        <location line="+53" />
        <source>No model found: download I2VGen-XL or choose a model folder (File ▸ Models…)</source>
        <translation>Kein Modell gefunden: I2VGen-XL herunterladen oder einen Modellordner wählen (Datei ▸ Modelle…)</translation>
    </message>
    <message>
        <location line="-43" />
        <source>%1 is not a model folder (no model_index.json)</source>
        <translation>%1 ist kein Modellordner (keine model_index.json)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Choose an I2VGen-XL model folder</source>
        <translation>I2VGen-XL-Modellordner wählen</translation>
    </message>
    <message>
        <location line="+44" />
        <source>%1 is downloaded and verified; the window now uses it</source>
        <translation>%1 ist heruntergeladen und geprüft; das Fenster verwendet es jetzt</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ModelsDialog</name>
    <message>
        <location filename="../ui/ModelsDialog.cpp" line="+50" />
        <source>App folder</source>
        <translation>App-Ordner</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Model cache</source>
        <translation>Modell-Cache</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Added folder</source>
        <translation>Hinzugefügter Ordner</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+166" />
        <source>Generate with this model (double-click does the same)</source>
        <translation>Mit diesem Modell erzeugen (ein Doppelklick tut dasselbe)</translation>
    </message>
    <message>
        <location line="-165" />
        <location line="+191" />
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <location line="-189" />
        <location line="+165" />
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="-163" />
        <location line="+168" />
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <location line="-166" />
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>List a model folder kept anywhere else</source>
        <translation>Einen Modellordner an einem anderen Ort aufnehmen</translation>
    </message>
    <message>
        <location line="+76" />
        <source>Complete</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Incomplete (download interrupted)</source>
        <translation>Unvollständig (Download unterbrochen)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Download paused</source>
        <translation>Download angehalten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Downloading…</source>
        <translation>Wird heruntergeladen…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 (in use)</source>
        <translation>%1 (in Verwendung)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>No I2VGen-XL model was found in %1, in the model cache %2 or in a folder you added. Download it below.</source>
        <translation>Kein I2VGen-XL-Modell in %1, im Modell-Cache %2 oder in einem hinzugefügten Ordner gefunden. Unten herunterladen.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Looked in %1 and in the model cache %2.</source>
        <translation>Gesucht in %1 und im Modell-Cache %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Looked in %1, in the model cache %2 and in the folders you added.</source>
        <translation>Gesucht in %1, im Modell-Cache %2 und in den hinzugefügten Ordnern.</translation>
    </message>
    <message>
        <location line="+42" />
        <source>This model is incomplete: see its status for what is missing</source>
        <translation>Dieses Modell ist unvollständig: Sein Status nennt, was fehlt</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stop verifying</source>
        <translation>Prüfung beenden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Read every file again and compare it with its hash (models in the cache) or check every weight file's header and size (other folders)</source>
        <translation>Jede Datei erneut lesen und mit ihrem Hash vergleichen (Modelle im Cache) oder Kopf und Größe jeder Gewichtsdatei prüfen (andere Ordner)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Forget folder</source>
        <translation>Ordner vergessen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Models in the app's own folder are removed in the file manager (Show in folder)</source>
        <translation>Modelle im Ordner der App werden im Dateimanager entfernt (Im Ordner zeigen)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Take this folder off the list (its files stay)</source>
        <translation>Diesen Ordner von der Liste nehmen (seine Dateien bleiben)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete this model from the model cache</source>
        <translation>Dieses Modell aus dem Modell-Cache löschen</translation>
    </message>
    <message>
        <location line="+14" />
        <source>No file manager could open %1</source>
        <translation>Kein Dateimanager konnte %1 öffnen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Add an I2VGen-XL model folder</source>
        <translation>I2VGen-XL-Modellordner hinzufügen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Add folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 is no I2VGen-XL model folder: it needs a model_index.json naming I2VGenXLPipeline, with the unet, vae, text_encoder and image_encoder folders beside it.</source>
        <translation>%1 ist kein I2VGen-XL-Modellordner: Nötig ist eine model_index.json, die I2VGenXLPipeline nennt, mit den Ordnern unet, vae, text_encoder und image_encoder daneben.</translation>
    </message>
    <message>
        <location line="+33" />
        <location line="+5" />
        <source>Remove model</source>
        <translation>Modell entfernen</translation>
    </message>
    <message>
        <location line="-4" />
        <source>%1 is being downloaded: cancel the download first.</source>
        <translation>%1 wird gerade heruntergeladen: bitte zuerst den Download abbrechen.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Delete %1 from the model cache? This frees about %2 in %3.

huggingface_hub and diffusers share this cache: they will have to download the model again too.</source>
        <translation>%1 aus dem Modell-Cache löschen? Das gibt etwa %2 in %3 frei.

huggingface_hub und diffusers teilen diesen Cache: Auch sie müssen das Modell dann erneut herunterladen.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 was removed: %2 freed.</source>
        <translation>%1 wurde entfernt: %2 freigegeben.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 could not be removed: %2</source>
        <translation>%1 konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Verifying %1: reading every file…</source>
        <translation>%1 wird geprüft: jede Datei wird gelesen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <location line="+22" />
        <source>%1 is no I2VGen-XL model folder any more</source>
        <translation>%1 ist kein I2VGen-XL-Modellordner mehr</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Verifying was stopped before the end</source>
        <translation>Die Prüfung wurde vor dem Ende beendet</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Verifying: %1 (file %2 of %3)</source>
        <translation>Prüfung: %1 (Datei %2 von %3)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 is intact: all %2 files match their hashes (%3 read).</source>
        <translation>%1 ist intakt: Alle %2 Dateien stimmen mit ihren Hashes überein (%3 gelesen).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 is complete: every file is there and every weight file is whole (its size and header checked; only files in the model cache carry hashes to compare).</source>
        <translation>%1 ist vollständig: Jede Datei ist vorhanden und jede Gewichtsdatei ganz (Größe und Kopf geprüft; nur Dateien im Modell-Cache tragen Hashes zum Vergleichen).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: one problem found:</source>
        <translation>%1: ein Problem gefunden:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2 problems found:</source>
        <translation>%1: %2 Probleme gefunden:</translation>
    </message>
</context>
<context>
    <name>i2v::ui::OutputFolder</name>
    <message>
        <location filename="../ui/OutputFolder.cpp" line="+12" />
        <source>No output folder is set</source>
        <translation>Es ist kein Ausgabeordner festgelegt</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The output folder %1 is a file, not a folder</source>
        <translation>Der Ausgabeordner %1 ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The output folder %1 does not exist and cannot be created</source>
        <translation>Der Ausgabeordner %1 existiert nicht und kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Videos cannot be written to the output folder %1: %2</source>
        <translation>In den Ausgabeordner %1 können keine Videos geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::PlayerTabs</name>
    <message>
        <location filename="../ui/PlayerTabs.cpp" line="+12" />
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
</context>
<context>
    <name>i2v::ui::PresetRow</name>
    <message>
        <location filename="../ui/PresetRow.cpp" line="+25" />
        <source>%1: a quick look (%2). %3: the model's native %4. Your own presets follow.</source>
        <translation>%1: ein schneller Blick (%2). %3: die native Größe des Modells, %4. Danach folgen Ihre eigenen Vorlagen.</translation>
    </message>
    <message>
        <location line="+43" />
        <source>%1 (changed)</source>
        <translation>%1 (geändert)</translation>
    </message>
    <message>
        <location line="-38" />
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep the size, frames, steps, scheduler, guidance, eta and fps as a preset</source>
        <translation>Größe, Bilder, Schritte, Scheduler, Guidance, Eta und FPS als Vorlage behalten</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete the chosen preset of yours</source>
        <translation>Die gewählte eigene Vorlage löschen</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Choose a preset…</source>
        <translation>Vorlage wählen…</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Presets are not available</source>
        <translation>Vorlagen sind nicht verfügbar</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+9" />
        <source>Save preset</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Name of the preset:</source>
        <translation>Name der Vorlage:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Replace preset?</source>
        <translation>Vorlage ersetzen?</translation>
    </message>
    <message>
        <location line="+0" />
        <source>A preset named “%1” exists. Replace it?</source>
        <translation>Eine Vorlage namens „%1“ existiert. Ersetzen?</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Delete preset?</source>
        <translation>Vorlage löschen?</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Delete the preset “%1”?</source>
        <translation>Die Vorlage „%1“ löschen?</translation>
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
        <location filename="../ui/ResultView.cpp" line="+26" />
        <source>The finished video plays here</source>
        <translation>Das fertige Video wird hier abgespielt</translation>
    </message>
    <message>
        <location line="+33" />
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
        <location filename="../ui/SettingsDialog.cpp" line="+169" />
        <source>Notify me when a video is ready while I use other windows</source>
        <translation>Benachrichtigen, wenn ein Video fertig ist, während ich andere Fenster benutze</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A desktop notification when a job ends or fails while I2V Studio is in the background or minimized; clicking it brings the window back</source>
        <translation>Eine Desktop-Benachrichtigung, wenn ein Auftrag endet oder fehlschlägt, während I2V Studio im Hintergrund oder minimiert ist; ein Klick darauf holt das Fenster zurück</translation>
    </message>
    <message>
        <location line="-131" />
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Automatic: the best model found</source>
        <translation>Automatisch: das beste gefundene Modell</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Empty: the real I2VGen-XL when it is on this computer (in the app's models folder or the model cache), else the demo model</source>
        <translation>Leer: das echte I2VGen-XL, wenn es auf diesem Rechner ist (im Modellordner der App oder im Modell-Cache), sonst das Demo-Modell</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Every finished video is written here as an mp4</source>
        <translation>Jedes fertige Video wird hier als mp4 gespeichert</translation>
    </message>
    <message>
        <location line="+14" />
        <source>One per core (%1)</source>
        <translation>Einer pro Kern (%1)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Automatic (the GPU when there is one)</source>
        <translation>Automatisch (die GPU, wenn vorhanden)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No CUDA GPU: %1</source>
        <translation>Keine CUDA-GPU: %1</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Automatic (float16 on a GPU, float32 on the CPU)</source>
        <translation>Automatisch (float16 auf einer GPU, float32 auf der CPU)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>float32 (exact: the same video as diffusers)</source>
        <translation>float32 (exakt: dasselbe Video wie diffusers)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fast: bfloat16 (recommended on this processor)</source>
        <translation>Schnell: bfloat16 (auf diesem Prozessor empfohlen)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>bfloat16 (half the memory)</source>
        <translation>bfloat16 (halber Speicher)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This processor has bfloat16 instructions: several times faster than float32 and half the memory, with a video that differs slightly from float32's</source>
        <translation>Dieser Prozessor hat bfloat16-Befehle: mehrfach schneller als float32 und halber Speicher, mit einem Video, das sich leicht von dem mit float32 unterscheidet</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This processor has bfloat16 instructions: about twice as fast as float32 and half the memory, with a video that differs slightly from float32's</source>
        <translation>Dieser Prozessor hat bfloat16-Befehle: etwa doppelt so schnell wie float32 und halber Speicher, mit einem Video, das sich leicht von dem mit float32 unterscheidet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This processor has no bfloat16 instructions: bfloat16 is no faster than float32 here, but needs half the memory</source>
        <translation>Dieser Prozessor hat keine bfloat16-Befehle: bfloat16 ist hier nicht schneller als float32, braucht aber nur halb so viel Speicher</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>bfloat16 runs on hardware made for it</source>
        <translation>bfloat16 läuft auf Hardware, die dafür gebaut ist</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no bfloat16 instructions</source>
        <translation>keine bfloat16-Befehle</translation>
    </message>
    <message>
        <location line="+4" />
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
        <location line="+3" />
        <source>Keep fp16 weight files in half precision</source>
        <translation>fp16-Gewichtsdateien in halber Genauigkeit behalten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Loads the .fp16 weight files when the model has them and keeps them in half precision: half the weight memory, every computation still in float32, a little slower per step</source>
        <translation>Lädt die .fp16-Gewichtsdateien, wenn das Modell sie hat, und behält sie in halber Genauigkeit: halber Speicher für die Gewichte, jede Berechnung weiterhin in float32, etwas langsamer pro Schritt</translation>
    </message>
    <message>
        <location line="+8" />
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
        <location line="+13" />
        <source>%1 (the Hugging Face Hub)</source>
        <translation>%1 (der Hugging Face Hub)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (from HF_ENDPOINT)</source>
        <translation>%1 (aus HF_ENDPOINT)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A mirror of the Hugging Face Hub to download from, such as https://hf-mirror.com</source>
        <translation>Ein Spiegel des Hugging Face Hub als Downloadquelle, etwa https://hf-mirror.com</translation>
    </message>
    <message>
        <location line="+4" />
        <source>None: public models only</source>
        <translation>Keines: nur öffentliche Modelle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The one huggingface_hub uses here (HF_TOKEN or its login)</source>
        <translation>Das von huggingface_hub hier genutzte (HF_TOKEN oder dessen Anmeldung)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Needed only for gated or private models (huggingface.co ▸ Settings ▸ Access Tokens). Kept in %1, readable by you alone, never in the settings file.</source>
        <translation>Nur für zugangsbeschränkte oder private Modelle nötig (huggingface.co ▸ Settings ▸ Access Tokens). Liegt in %1, nur für Sie lesbar, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Where downloaded models are kept, in the layout huggingface_hub and diffusers share: a model downloaded by one is found by the others</source>
        <translation>Wo heruntergeladene Modelle liegen, in der Ablage, die huggingface_hub und diffusers teilen: Ein von einem geladenes Modell finden die anderen</translation>
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
        <location line="+3" />
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
        <location line="+2" />
        <source>Processor</source>
        <translation>Prozessor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Compute precision</source>
        <translation>Rechengenauigkeit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Low-memory mode</source>
        <translation>Sparmodus für Speicher</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sets every option below for the least memory at once: encoders freed after use, tiled decoding one frame at a time, fp16 weights kept in half precision, small attention chunks. Each stays adjustable; a job takes a little longer</source>
        <translation>Stellt alle Optionen darunter auf einmal auf den geringsten Speicherbedarf: Encoder nach Gebrauch freigeben, Decodieren Bild für Bild in Kacheln, fp16-Gewichte in halber Genauigkeit behalten, kleine Attention-Blöcke. Jede bleibt einstellbar; ein Auftrag dauert etwas länger</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Attention chunk</source>
        <translation>Attention-Block</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decode chunk</source>
        <translation>Dekodierblock</translation>
    </message>
    <message>
        <location line="+6" />
        <source>While generating</source>
        <translation>Während der Erzeugung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Model hub</source>
        <translation>Modell-Hub</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Download from</source>
        <translation>Herunterladen von</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Model cache</source>
        <translation>Modell-Cache</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Choose the model cache folder</source>
        <translation>Ordner des Modell-Caches wählen</translation>
    </message>
    <message>
        <location line="+77" />
        <source>Fast: bfloat16 (recommended: %1× float32's speed here)</source>
        <translation>Schnell: bfloat16 (empfohlen: hier %1× so schnell wie float32)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The job in the window needs about %1 of this computer's %2 with these settings.</source>
        <translation>Der Auftrag im Fenster braucht mit diesen Einstellungen etwa %1 der %2 dieses Computers.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The job in the window needs about %1 of memory with these settings.</source>
        <translation>Der Auftrag im Fenster braucht mit diesen Einstellungen etwa %1 Arbeitsspeicher.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Low-memory mode: about %1.</source>
        <translation>Sparmodus für Speicher: etwa %1.</translation>
    </message>
</context>
<context>
    <name>i2v::ui::UnfinishedJobs</name>
    <message>
        <location filename="../ui/UnfinishedJobs.cpp" line="+51" />
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+13" />
        <source>cannot write the picture into %1</source>
        <translation>das Bild kann nicht in %1 geschrieben werden</translation>
    </message>
</context>
<context>
    <name>i2v::ui::UnfinishedJobsBanner</name>
    <message>
        <location filename="../ui/UnfinishedJobsBanner.cpp" line="+22" />
        <source>“%1” (no step saved, queued %2)</source>
        <translation>„%1“ (kein Schritt gespeichert, eingereiht %2)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>“%1” (%2 of %3 steps done, saved %4)</source>
        <translation>„%1“ (%2 von %3 Schritten fertig, gespeichert %4)</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Discard…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>A job did not finish: %1. Resume goes on from where it stopped.</source>
        <translation>Ein Auftrag wurde nicht fertig: %1. „Fortsetzen“ macht dort weiter, wo er aufgehört hat.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 jobs did not finish: %2 and %3 more. Resume goes on with each from where it stopped.</source>
        <translation>%1 Aufträge wurden nicht fertig: %2 und %3 weitere. „Fortsetzen“ macht mit jedem dort weiter, wo er aufgehört hat.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Queue the job again: it goes on from its last saved step</source>
        <translation>Den Auftrag wieder einreihen: Er macht ab seinem zuletzt gespeicherten Schritt weiter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Queue the %1 jobs again: each goes on from its last saved step</source>
        <translation>Die %1 Aufträge wieder einreihen: Jeder macht ab seinem zuletzt gespeicherten Schritt weiter</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Discard unfinished jobs</source>
        <translation>Unfertige Aufträge verwerfen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Discard the unfinished job?</source>
        <translation>Den unfertigen Auftrag verwerfen?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Discard the %1 unfinished jobs?</source>
        <translation>Die %1 unfertigen Aufträge verwerfen?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Finished steps that are lost: %1.</source>
        <translation>Fertige Schritte, die verloren gehen: %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No step of them was saved.</source>
        <translation>Von ihnen wurde kein Schritt gespeichert.</translation>
    </message>
</context>
<context>
    <name>i2v::ui::VideoPlayer</name>
    <message>
        <location filename="../ui/VideoPlayer.cpp" line="+56" />
        <source>Play / pause (Space)</source>
        <translation>Abspielen / Pause (Leertaste)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Scrub through the video</source>
        <translation>Durch das Video scrubben</translation>
    </message>
    <message>
        <location line="+4" />
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
        <location line="+48" />
        <location line="+7" />
        <source>the file cannot be played</source>
        <translation>die Datei kann nicht abgespielt werden</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Qt Multimedia has no media back end on this system</source>
        <translation>Qt Multimedia hat auf diesem System kein Medien-Backend</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <location line="+99" />
        <source>frame %1 / %2</source>
        <translation>Bild %1 / %2</translation>
    </message>
</context>
</TS>
