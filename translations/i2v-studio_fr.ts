<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>i2v::ui::DropZone</name>
    <message>
        <location filename="../ui/DropZone.cpp" line="+50" />
        <source>Drop a picture here, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation>Déposez une image ici, ouvrez-en une (Ctrl+O) ou collez-en une (Ctrl+V)</translation>
    </message>
    <message>
        <location line="+32" />
        <source>nothing to paste</source>
        <translation>rien à coller</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%1 holds no picture: use a PNG, JPEG, WebP, GIF, BMP or TIFF image</source>
        <translation>%1 ne contient pas d’image : utilisez une image PNG, JPEG, WebP, GIF, BMP ou TIFF</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Drop a picture here
or open one (Ctrl+O) / paste one (Ctrl+V)</source>
        <translation>Déposez une image ici
ou ouvrez-en une (Ctrl+O) / collez-en une (Ctrl+V)</translation>
    </message>
    <message>
        <location line="+26" />
        <source>%1 — %2×%3, the model sees the outlined %4×%5 crop</source>
        <translation>%1 — %2×%3, le modèle voit le recadrage %4×%5 encadré</translation>
    </message>
    <message>
        <location line="+1" />
        <source>picture</source>
        <translation>image</translation>
    </message>
    <message>
        <location line="+23" />
        <source>the dropped picture</source>
        <translation>l’image déposée</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="+19" />
        <source>Export video</source>
        <translation>Exporter la vidéo</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Playback rate of the file (independent of the model's fps conditioning)</source>
        <translation>Cadence de lecture du fichier (indépendante du conditionnement fps du modèle)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Blend (fast)</source>
        <translation>Fondu (rapide)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Motion (smooth)</source>
        <translation>Mouvement (fluide)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Once</source>
        <translation>Une fois</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Repeat</source>
        <translation>Répéter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ping-pong</source>
        <translation>Aller-retour</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Playback fps</source>
        <translation>Images/s en lecture</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Interpolation</source>
        <translation>Interpolation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Loop</source>
        <translation>Boucle</translation>
    </message>
</context>
<context>
    <name>i2v::ui::FramePlayer</name>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="+28" />
        <source>Play / pause (Space)</source>
        <translation>Lecture / pause (Espace)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Previous frame</source>
        <translation>Image précédente</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Next frame</source>
        <translation>Image suivante</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Scrub through the frames</source>
        <translation>Parcourir les images</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Loop</source>
        <translation>Boucle</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
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
        <translation>Encodage du prompt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Encoding the image</source>
        <translation>Encodage de l'image</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Denoising</source>
        <translation>Débruitage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decoding frames</source>
        <translation>Décodage des images</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+154" />
        <source>out of memory while loading the model from %1</source>
        <translation>mémoire insuffisante pour charger le modèle depuis %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>unknown error while loading the model from %1</source>
        <translation>erreur inconnue lors du chargement du modèle depuis %1</translation>
    </message>
    <message>
        <location line="+25" />
        <source>no model is loaded: choose an I2VGen-XL model folder</source>
        <translation>aucun modèle n’est chargé : choisissez un dossier de modèle I2VGen-XL</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the model could not be loaded: %1</source>
        <translation>le modèle n’a pas pu être chargé : %1</translation>
    </message>
    <message>
        <location line="+44" />
        <source>out of memory: try fewer frames, a smaller size or a decode chunk of 1</source>
        <translation>mémoire insuffisante : essayez moins d’images, une taille plus petite ou un bloc de décodage de 1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>unknown error in the engine</source>
        <translation>erreur inconnue dans le moteur</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The video was not saved: this build has no video export</source>
        <translation>La vidéo n’a pas été enregistrée : cette version n’a pas d’export vidéo</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The video was not saved: cannot create the folder %1</source>
        <translation>La vidéo n’a pas été enregistrée : impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Writing the video</source>
        <translation>Écriture de la vidéo</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The video was not saved: %1</source>
        <translation>La vidéo n’a pas été enregistrée : %1</translation>
    </message>
</context>
<context>
    <name>i2v::ui::HistoryPanel</name>
    <message>
        <location filename="../ui/HistoryPanel.cpp" line="+18" />
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Reuse settings</source>
        <translation>Réutiliser les réglages</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Put this job's picture, prompt and settings back into the controls</source>
        <translation>Remettre l’image, le prompt et les réglages de cette tâche dans les contrôles</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Continue from last frame</source>
        <translation>Continuer depuis la dernière image</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Start a new job whose picture is the last frame of this video</source>
        <translation>Lancer une nouvelle tâche dont l’image est la dernière image de cette vidéo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove this entry from the history (the video file stays)</source>
        <translation>Retirer cette entrée de l’historique (le fichier vidéo reste)</translation>
    </message>
    <message>
        <location line="+39" />
        <source>%1 · %2 · seed %3 · %4×%5, %6 frames, %7 steps</source>
        <translation>%1 · %2 · graine %3 · %4×%5, %6 images, %7 étapes</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Started %1, ended %2</source>
        <translation>Commencé %1, terminé %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobHistory</name>
    <message>
        <location filename="../ui/JobHistory.cpp" line="+73" />
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation>le pilote SQLite de Qt (QSQLITE) n’est pas installé</translation>
    </message>
    <message>
        <location line="+4" />
        <source>cannot create the folder of %1</source>
        <translation>impossible de créer le dossier de %1</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobQueueModel</name>
    <message>
        <location filename="../ui/JobQueueModel.cpp" line="+13" />
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+17" />
        <source>#%1 %2</source>
        <translation>n° %1 %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Progress</source>
        <translation>Progression</translation>
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
        <translation>L’estimation de chaque image apparaît ici pendant le débruitage</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Live preview</source>
        <translation>Aperçu en direct</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+38" />
        <source>The job history cannot be opened (%1): jobs are not recorded</source>
        <translation>L’historique ne peut pas être ouvert (%1) : les tâches ne sont pas enregistrées</translation>
    </message>
    <message>
        <location line="+17" />
        <source>I2V Studio was closed before the job ended</source>
        <translation>I2V Studio a été fermé avant la fin de la tâche</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Denoising: step %1 of %2, about %3 s left</source>
        <translation>Débruitage : étape %1 sur %2, environ %3 s restantes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Denoising: step %1 of %2</source>
        <translation>Débruitage : étape %1 sur %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Decoding frames: %1 of %2</source>
        <translation>Décodage des images : %1 sur %2</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Generation failed: %1</source>
        <translation>Échec de la génération : %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Queue</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <location line="+9" />
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cannot use this picture: %1</source>
        <translation>Image inutilisable : %1</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+4" />
        <source>What should happen in the video</source>
        <translation>Ce qui doit se passer dans la vidéo</translation>
    </message>
    <message>
        <location line="+6" />
        <source>What to avoid (negative prompt)</source>
        <translation>Ce qu'il faut éviter (prompt négatif)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Model default</source>
        <translation>Défaut du modèle</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Classifier-free guidance; 1 or less turns it off</source>
        <translation>Guidage sans classifieur ; 1 ou moins le désactive</translation>
    </message>
    <message>
        <location line="+5" />
        <source>DDIM only: 0 is deterministic, 1 adds fresh noise every step</source>
        <translation>DDIM uniquement : 0 est déterministe, 1 ajoute un bruit neuf à chaque étape</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Random</source>
        <translation>Aléatoire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pick a new random seed</source>
        <translation>Tirer une nouvelle graine au hasard</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keep this seed; unlocked, every Generate picks a new one</source>
        <translation>Garder cette graine ; déverrouillée, chaque génération en tire une nouvelle</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The model's frame-rate conditioning (not the playback rate)</source>
        <translation>Le conditionnement en images/s du modèle (pas la cadence de lecture)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <location line="+26" />
        <source>How many jobs Generate queues, one per seed</source>
        <translation>Nombre de tâches mises en file par Générer, une par graine</translation>
    </message>
    <message>
        <location line="+3" />
        <source>consecutive seeds</source>
        <translation>graines consécutives</translation>
    </message>
    <message>
        <location line="+1" />
        <source>random seeds</source>
        <translation>graines aléatoires</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Scheduler</source>
        <translation>Planificateur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Guidance</source>
        <translation>Guidage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Eta</source>
        <translation>Eta</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Frames</source>
        <translation>Images</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FPS conditioning</source>
        <translation>Conditionnement FPS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+331" />
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <location line="-329" />
        <source>Generate the video (Ctrl+Enter)</source>
        <translation>Générer la vidéo (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop the running job (Esc)</source>
        <translation>Arrêter la tâche en cours (Échap)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Generate a new clip that starts from the last frame of this result</source>
        <translation>Générer un nouveau clip qui part de la dernière image de ce résultat</translation>
    </message>
    <message>
        <location line="+14" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open picture…</source>
        <translation>&amp;Ouvrir une image…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Paste picture</source>
        <translation>&amp;Coller une image</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose &amp;model folder…</source>
        <translation>Choisir le dossier du &amp;modèle…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Export video…</source>
        <translation>&amp;Exporter la vidéo…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Settings…</source>
        <translation>&amp;Réglages…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+1" />
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel &amp;all</source>
        <translation>&amp;Tout annuler</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;ontinue from last frame</source>
        <translation>C&amp;ontinuer depuis la dernière image</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About I2V Studio</source>
        <translation>&amp;À propos d’I2V Studio</translation>
    </message>
    <message>
        <location line="+2" />
        <source>About I2V Studio</source>
        <translation>À propos d’I2V Studio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;h3&gt;I2V Studio %1&lt;/h3&gt;&lt;p&gt;Turns a picture and a prompt into a video with the I2VGen-XL diffusion model, computed locally with libtorch.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;I2V Studio %1&lt;/h3&gt;&lt;p&gt;Transforme une image et un prompt en vidéo avec le modèle de diffusion I2VGen-XL, calculé localement avec libtorch.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4" />
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location line="+27" />
        <source>No model found: choose an I2VGen-XL model folder (File ▸ Choose model folder…)</source>
        <translation>Aucun modèle trouvé : choisissez un dossier de modèle I2VGen-XL (Fichier ▸ Choisir le dossier du modèle…)</translation>
    </message>
    <message>
        <location line="+61" />
        <source>Loading the model from %1…</source>
        <translation>Chargement du modèle depuis %1…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Choose an I2VGen-XL model folder</source>
        <translation>Choisir un dossier de modèle I2VGen-XL</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Model default (%1)</source>
        <translation>Défaut du modèle (%1)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Random-weight demo model: videos are noise. Put the real I2VGen-XL weights in %1 (or choose their folder).</source>
        <translation>Modèle de démonstration à poids aléatoires : les vidéos sont du bruit. Placez les vrais poids I2VGen-XL dans %1 (ou choisissez leur dossier).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Model ready: %1 (%2 M parameters)</source>
        <translation>Modèle prêt : %1 (%2 M paramètres)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The model in %1 could not be loaded: %2</source>
        <translation>Le modèle dans %1 n'a pas pu être chargé : %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No model</source>
        <translation>Aucun modèle</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Open a picture</source>
        <translation>Ouvrir une image</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The clipboard holds no picture</source>
        <translation>Le presse-papiers ne contient pas d’image</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the pasted picture</source>
        <translation>l’image collée</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1 is not a model folder (no model_index.json)</source>
        <translation>%1 n’est pas un dossier de modèle (pas de model_index.json)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This build has no video export (FFmpeg was not found when it was built)</source>
        <translation>Cette version n’a pas d’export vidéo (FFmpeg était introuvable à la compilation)</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Export video</source>
        <translation>Exporter la vidéo</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Replace file?</source>
        <translation>Remplacer le fichier ?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existe déjà. Le remplacer ?</translation>
    </message>
    <message>
        <location line="+7" />
        <source>An export is still running</source>
        <translation>Un export est encore en cours</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Exporting %1…</source>
        <translation>Export de %1…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export failed: %1</source>
        <translation>Échec de l'export : %1</translation>
    </message>
    <message>
        <location line="+24" />
        <source>%1 / %2 — the model will not see the end of this text</source>
        <translation>%1 / %2 — le modèle ne verra pas la fin de ce texte</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Add to queue</source>
        <translation>Ajouter à la file</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowJobs.cpp" line="+53" />
        <source>Choose a picture first: drop one on the left, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation>Choisissez d’abord une image : déposez-la à gauche, ouvrez-en une (Ctrl+O) ou collez-en une (Ctrl+V)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+8" />
        <location line="+7" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Done: %1 frames</source>
        <translation>Terminé : %1 images</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done: %1 frames, saved as %2</source>
        <translation>Terminé : %1 images, enregistrées sous %2</translation>
    </message>
    <message>
        <location line="+30" />
        <source>The job could not be recorded in the history: %1</source>
        <translation>La tâche n’a pas pu être enregistrée dans l’historique : %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>There is no finished video to continue</source>
        <translation>Il n’y a pas de vidéo terminée à continuer</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the last frame of the previous video</source>
        <translation>la dernière image de la vidéo précédente</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The last frame of %1 cannot be read</source>
        <translation>La dernière image de %1 ne peut pas être lue</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the last frame of %1</source>
        <translation>la dernière image de %1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>the picture of job %1</source>
        <translation>l’image de la tâche %1</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Settings of job %1 restored</source>
        <translation>Réglages de la tâche %1 restaurés</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The history entry could not be deleted: %1</source>
        <translation>L’entrée de l’historique n’a pas pu être supprimée : %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The folder %1 no longer exists</source>
        <translation>Le dossier %1 n’existe plus</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No file manager could open %1</source>
        <translation>Aucun gestionnaire de fichiers n’a pu ouvrir %1</translation>
    </message>
</context>
<context>
    <name>i2v::ui::QueuePanel</name>
    <message>
        <location filename="../ui/QueuePanel.cpp" line="+58" />
        <source>Cancel job</source>
        <translation>Annuler la tâche</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancel all</source>
        <translation>Tout annuler</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clear finished</source>
        <translation>Effacer les terminées</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ResultView</name>
    <message>
        <location filename="../ui/ResultView.cpp" line="+20" />
        <source>The finished video plays here</source>
        <translation>La vidéo terminée est lue ici</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Playing the decoded frames: the video file cannot be played here (%1)</source>
        <translation>Lecture des images décodées : le fichier vidéo ne peut pas être lu ici (%1)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
</context>
<context>
    <name>i2v::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+28" />
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Every finished video is written here as an mp4</source>
        <translation>Chaque vidéo terminée est écrite ici en mp4</translation>
    </message>
    <message>
        <location line="+5" />
        <source>One per core (%1)</source>
        <translation>Un par cœur (%1)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The engine found no CUDA GPU</source>
        <translation>Le moteur n’a trouvé aucun GPU CUDA</translation>
    </message>
    <message>
        <location line="+6" />
        <source>float32 (exact)</source>
        <translation>float32 (exact)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>bfloat16 (half the memory)</source>
        <translation>bfloat16 (moitié moins de mémoire)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>float16 (CUDA only)</source>
        <translation>float16 (CUDA uniquement)</translation>
    </message>
    <message>
        <location line="+7" />
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unbounded</source>
        <translation>Illimité</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Largest block of attention scores computed at once: smaller uses less memory</source>
        <translation>Plus grand bloc de scores d’attention calculé d’un coup : plus petit utilise moins de mémoire</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Free the text and image encoders after each use</source>
        <translation>Libérer les encodeurs de texte et d’image après chaque usage</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Decode frames in overlapping tiles</source>
        <translation>Décoder les images en tuiles qui se chevauchent</translation>
    </message>
    <message>
        <source>Keep fp16 weight files in half precision</source>
        <translation>Garder les fichiers de poids fp16 en demi-précision</translation>
    </message>
    <message>
        <source>Loads the .fp16 weight files when the model has them and keeps them in half precision: half the weight memory, every computation still in float32, a little slower per step</source>
        <translation>Charge les fichiers de poids .fp16 quand le modèle en a et les garde en demi-précision : moitié moins de mémoire pour les poids, tous les calculs toujours en float32, un peu plus lent par étape</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Frames per VAE decoder call: 1 uses the least memory</source>
        <translation>Images par appel du décodeur VAE : 1 utilise le moins de mémoire</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Fast (latent projection)</source>
        <translation>Rapide (projection latente)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Exact (VAE decode, slow)</source>
        <translation>Exacte (décodage VAE, lent)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Model folder</source>
        <translation>Dossier du modèle</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Choose an I2VGen-XL model folder</source>
        <translation>Choisir un dossier de modèle I2VGen-XL</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Choose the output folder</source>
        <translation>Choisir le dossier de sortie</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Compute precision</source>
        <translation>Précision de calcul</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Attention chunk</source>
        <translation>Bloc d’attention</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decode chunk</source>
        <translation>Bloc de décodage</translation>
    </message>
    <message>
        <location line="+4" />
        <source>While generating</source>
        <translation>Pendant la génération</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
</context>
<context>
    <name>i2v::ui::VideoPlayer</name>
    <message>
        <location filename="../ui/VideoPlayer.cpp" line="+56" />
        <source>Play / pause</source>
        <translation>Lecture / pause</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Previous frame</source>
        <translation>Image précédente</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Next frame</source>
        <translation>Image suivante</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Scrub through the video</source>
        <translation>Parcourir la vidéo</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Loop</source>
        <translation>Boucle</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <location line="+33" />
        <location line="+7" />
        <source>the file cannot be played</source>
        <translation>le fichier ne peut pas être lu</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Qt Multimedia has no media back end on this system</source>
        <translation>Qt Multimedia n’a pas de moteur multimédia sur ce système</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 does not exist</source>
        <translation>%1 n’existe pas</translation>
    </message>
    <message>
        <location line="+66" />
        <source>%1 / %2 s</source>
        <translation>%1 / %2 s</translation>
    </message>
</context>
</TS>
