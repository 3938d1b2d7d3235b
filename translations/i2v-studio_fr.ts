<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>i2v::ui::DropZone</name>
    <message>
        <location filename="../ui/DropZone.cpp" line="50"/>
        <source>Drop a picture here, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="82"/>
        <source>nothing to paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="99"/>
        <source>%1 holds no picture: use a PNG, JPEG, WebP, BMP or TIFF image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="144"/>
        <source>Drop a picture here
or open one (Ctrl+O) / paste one (Ctrl+V)</source>
        <translation>Déposez une image ici
ou ouvrez-en une (Ctrl+O) / collez-en une (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="170"/>
        <source>%1 — %2×%3, the model sees the outlined %4×%5 crop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="171"/>
        <source>picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DropZone.cpp" line="194"/>
        <source>the dropped picture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i2v::ui::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="19"/>
        <source>Export video</source>
        <translation>Exporter la vidéo</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="37"/>
        <source>Playback rate of the file (independent of the model&apos;s fps conditioning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="42"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="43"/>
        <source>Blend (fast)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="44"/>
        <source>Motion (smooth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="47"/>
        <source>Once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="48"/>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="49"/>
        <source>Ping-pong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="53"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="54"/>
        <source>Playback fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="55"/>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="56"/>
        <source>Interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="57"/>
        <source>Loop</source>
        <translation>Boucle</translation>
    </message>
</context>
<context>
    <name>i2v::ui::FramePlayer</name>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="28"/>
        <source>Play / pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="31"/>
        <source>Previous frame</source>
        <translation>Image précédente</translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="34"/>
        <source>Next frame</source>
        <translation>Image suivante</translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="37"/>
        <source>Scrub through the frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="40"/>
        <source>Loop</source>
        <translation>Boucle</translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="44"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="46"/>
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
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
        <translation>Encodage du prompt</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="63"/>
        <source>Encoding the image</source>
        <translation>Encodage de l&apos;image</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="64"/>
        <source>Denoising</source>
        <translation>Débruitage</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="65"/>
        <source>Decoding frames</source>
        <translation>Décodage des images</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="66"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="161"/>
        <source>out of memory while loading the model from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="165"/>
        <source>unknown error while loading the model from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="187"/>
        <source>no model is loaded: choose an I2VGen-XL model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="188"/>
        <source>the model could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="230"/>
        <source>out of memory: try fewer frames, a smaller size or a decode chunk of 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/GenerationWorker.cpp" line="236"/>
        <source>unknown error in the engine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i2v::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="93"/>
        <source>I2V Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="103"/>
        <source>The estimate of every frame appears here while the video denoises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="105"/>
        <source>The finished video plays here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="106"/>
        <source>Live preview</source>
        <translation>Aperçu en direct</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="107"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="148"/>
        <source>Denoising: step %1 of %2, about %3 s left</source>
        <translation>Débruitage : étape %1 sur %2, environ %3 s restantes</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="149"/>
        <source>Denoising: step %1 of %2</source>
        <translation>Débruitage : étape %1 sur %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="153"/>
        <source>Decoding frames: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="173"/>
        <source>Done: %1 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="177"/>
        <source>Generation failed: %1</source>
        <translation>Échec de la génération : %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="178"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="203"/>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="204"/>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="207"/>
        <source>Cannot use this picture: %1</source>
        <translation>Image inutilisable : %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="229"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="234"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="242"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="246"/>
        <source>What should happen in the video</source>
        <translation>Ce qui doit se passer dans la vidéo</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="252"/>
        <source>What to avoid (negative prompt)</source>
        <translation>Ce qu&apos;il faut éviter (prompt négatif)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="267"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="271"/>
        <source>Model default</source>
        <translation>Défaut du modèle</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="284"/>
        <source>Classifier-free guidance; 1 or less turns it off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="289"/>
        <source>DDIM only: 0 is deterministic, 1 adds fresh noise every step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="295"/>
        <source>Random</source>
        <translation>Aléatoire</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="296"/>
        <source>Pick a new random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="299"/>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="301"/>
        <source>Keep this seed; unlocked, every Generate picks a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="315"/>
        <source>The model&apos;s frame-rate conditioning (not the playback rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="320"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="321"/>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="346"/>
        <source>Frames per VAE decoder call: 1 uses the least memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="349"/>
        <source>Fast (latent projection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="350"/>
        <source>Exact (VAE decode, slow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="351"/>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="353"/>
        <source>Scheduler</source>
        <translation>Planificateur</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="354"/>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="355"/>
        <source>Guidance</source>
        <translation>Guidage</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="356"/>
        <source>Eta</source>
        <translation>Eta</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="358"/>
        <source>Frames</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="359"/>
        <source>FPS conditioning</source>
        <translation>Conditionnement FPS</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="360"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="361"/>
        <source>Decode chunk</source>
        <translation>Bloc de décodage</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="362"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="365"/>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="367"/>
        <source>Generate the video (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="369"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="371"/>
        <source>Stop the running job (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="372"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="387"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="388"/>
        <source>&amp;Open picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="390"/>
        <source>&amp;Paste picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="392"/>
        <source>Choose &amp;model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="394"/>
        <source>&amp;Export video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="395"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="397"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="400"/>
        <location filename="../ui/MainWindow.cpp" line="401"/>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="403"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="430"/>
        <source>No model found: choose an I2VGen-XL model folder (File ▸ Choose model folder…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="487"/>
        <source>Loading the model from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="496"/>
        <source>Choose an I2VGen-XL model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="506"/>
        <source>Model default (%1)</source>
        <translation>Défaut du modèle (%1)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="508"/>
        <source>Random-weight demo model: videos are noise. Put the real I2VGen-XL weights in %1 (or choose their folder).</source>
        <translation>Modèle de démonstration à poids aléatoires : les vidéos sont du bruit. Placez les vrais poids I2VGen-XL dans %1 (ou choisissez leur dossier).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="512"/>
        <source>Model ready: %1 (%2 M parameters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="521"/>
        <source>The model in %1 could not be loaded: %2</source>
        <translation>Le modèle dans %1 n&apos;a pas pu être chargé : %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="522"/>
        <source>No model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="528"/>
        <source>Open a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="529"/>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="539"/>
        <source>The clipboard holds no picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="542"/>
        <source>the pasted picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="547"/>
        <source>Choose a picture first: drop one on the left, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="562"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="571"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="587"/>
        <source>This build has no video export (FFmpeg was not found when it was built)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="605"/>
        <source>Export video</source>
        <translation>Exporter la vidéo</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="612"/>
        <source>Replace file?</source>
        <translation>Remplacer le fichier ?</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="613"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existe déjà. Le remplacer ?</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="620"/>
        <source>An export is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="628"/>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="632"/>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="634"/>
        <source>Export failed: %1</source>
        <translation>Échec de l&apos;export : %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="658"/>
        <source>%1 / %2 — the model will not see the end of this text</source>
        <translation>%1 / %2 — le modèle ne verra pas la fin de ce texte</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="661"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
</TS>
