<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>i2v::ui::DemoBanner</name>
    <message>
        <location filename="../ui/DemoBanner.cpp" line="+30" />
        <source>Try the Draft preset</source>
        <translation>Essayer le préréglage « Brouillon »</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The Draft preset: %1. The default job (%2) keeps even the demo model busy for about an hour on a 2-core CPU.</source>
        <translation>Le préréglage « Brouillon » : %1. Avec les réglages par défaut (%2), même le modèle de démonstration calcule environ une heure sur un CPU à 2 cœurs.</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+68" />
        <source>Download I2VGen-XL (fp16, about 5 GB)</source>
        <translation>Télécharger I2VGen-XL (fp16, environ 5 Go)</translation>
    </message>
    <message>
        <location line="-15" />
        <source>This model has only %1 million parameters: it is a test checkpoint with random weights, and its videos are noise.</source>
        <translation>Ce modèle n’a que %1 millions de paramètres : c’est un checkpoint de test aux poids aléatoires, et ses vidéos sont du bruit.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Random-weight demo model: videos are noise. The real I2VGen-XL weights are on this computer: choose them in File ▸ Models…</source>
        <translation>Modèle de démonstration aux poids aléatoires : les vidéos sont du bruit. Les vrais poids d’I2VGen-XL sont sur cet ordinateur : choisissez-les dans Fichier ▸ Modèles…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Random-weight demo model: videos are noise. Download the real I2VGen-XL weights with the button (or `i2v download` on the command line), or put them in %1.</source>
        <translation>Modèle de démonstration aux poids aléatoires : les vidéos sont du bruit. Téléchargez les vrais poids d’I2VGen-XL avec le bouton (ou `i2v download` en ligne de commande), ou placez-les dans %1.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Show the download (%1 %)</source>
        <translation>Voir le téléchargement (%1 %)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the download</source>
        <translation>Voir le téléchargement</translation>
    </message>
    <message>
        <location line="+2" />
        <source>From %1 into the shared model cache; the Models window shows the progress</source>
        <translation>Depuis %1 vers le cache de modèles partagé ; la fenêtre Modèles montre la progression</translation>
    </message>
</context>
<context>
    <name>i2v::ui::DesktopNotifications</name>
    <message>
        <location filename="../ui/DesktopNotifications.cpp" line="+118" />
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
</context>
<context>
    <name>i2v::ui::DownloadPanel</name>
    <message>
        <location filename="../ui/DownloadPanel.cpp" line="+52" />
        <source>about %1 s left</source>
        <translation>environ %1 s restantes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>about %1 min left</source>
        <translation>environ %1 min restantes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>about %1 h %2 min left</source>
        <translation>environ %1 h %2 min restantes</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 free on the disk</source>
        <translation>%1 libres sur le disque</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Download I2VGen-XL (%1)</source>
        <translation>Télécharger I2VGen-XL (%1)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>fp16 weights, about 5 GB (recommended)</source>
        <translation>poids fp16, environ 5 Go (recommandé)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>fp32 weights, about 10 GB</source>
        <translation>poids fp32, environ 10 Go</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The fp16 files are half the download; the engine computes in the precision chosen in Settings either way</source>
        <translation>Les fichiers fp16 font la moitié du téléchargement ; le moteur calcule de toute façon dans la précision choisie dans les Réglages</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+123" />
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <location line="-121" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop for now and keep what has arrived; Resume continues from there, also after a restart</source>
        <translation>Arrêter pour l’instant en gardant ce qui est arrivé ; Reprendre continue à partir de là, même après un redémarrage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop and delete the partly downloaded files (complete files stay in the cache)</source>
        <translation>Arrêter et supprimer les fichiers en partie téléchargés (les fichiers complets restent dans le cache)</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Weights:</source>
        <translation>Poids :</translation>
    </message>
    <message>
        <location line="+9" />
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Cancelled: %1 of partly downloaded files deleted</source>
        <translation>Annulé : %1 de fichiers en partie téléchargés supprimés</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Into the shared model cache %1 (huggingface_hub and diffusers use it too; another folder can be set in Settings ▸ Model hub), from %2.</source>
        <translation>Dans le cache de modèles partagé %1 (huggingface_hub et diffusers l’utilisent aussi ; un autre dossier se choisit dans Réglages ▸ Hub de modèles), depuis %2.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Not downloading</source>
        <translation>Aucun téléchargement en cours</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Asking %1 for the file list…</source>
        <translation>Demande de la liste des fichiers à %1…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Everything is in the cache already: linking the model folder</source>
        <translation>Tout est déjà dans le cache : le dossier du modèle est relié</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Downloading %1 of %2 files: %3 to fetch</source>
        <translation>Téléchargement de %1 fichiers sur %2 : %3 à récupérer</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Pausing…</source>
        <translation>Mise en pause…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Paused: %1 of %2 kept. Resume continues from there (also after a restart of the app).</source>
        <translation>En pause : %1 sur %2 conservés. Reprendre continue à partir de là (même après un redémarrage de l’application).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The download stopped; what has arrived is kept for another try</source>
        <translation>Le téléchargement s’est arrêté ; ce qui est arrivé est gardé pour un nouvel essai</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The download could not start</source>
        <translation>Le téléchargement n’a pas pu commencer</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Complete and verified: %1</source>
        <translation>Complet et vérifié : %1</translation>
    </message>
    <message>
        <location line="+20" />
        <source>All %1 files are in place</source>
        <translation>Les %1 fichiers sont en place</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 (file %2 of %3): checking the %4 kept from before</source>
        <translation>%1 (fichier %2 sur %3) : vérification des %4 gardés d’avant</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 (file %2 of %3): %4 of %5</source>
        <translation>%1 (fichier %2 sur %3) : %4 sur %5</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Waiting for the server: no data for %1 s</source>
        <translation>En attente du serveur : aucune donnée depuis %1 s</translation>
    </message>
</context>
<context>
    <name>i2v::ui::DownloadStatusButton</name>
    <message>
        <location filename="../ui/DownloadStatusButton.cpp" line="+12" />
        <source>Show the download in the Models window</source>
        <translation>Afficher le téléchargement dans la fenêtre Modèles</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Downloading %1: %2 % (%3 of %4)</source>
        <translation>Téléchargement de %1 : %2 % (%3 sur %4)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Downloading %1: starting…</source>
        <translation>Téléchargement de %1 : démarrage…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Pausing the download…</source>
        <translation>Mise en pause du téléchargement…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancelling the download…</source>
        <translation>Annulation du téléchargement…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Download paused at %1 %</source>
        <translation>Téléchargement en pause à %1 %</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Download stopped: see Models…</source>
        <translation>Téléchargement arrêté : voir Modèles…</translation>
    </message>
</context>
<context>
    <name>i2v::ui::DownloadWorker</name>
    <message>
        <location filename="../ui/DownloadWorker.cpp" line="+134" />
        <source>This build of I2V Studio cannot download models: it was built without libcurl and OpenSSL. Put the model folder in place by hand and add it with Add folder…</source>
        <translation>Cette version d’I2V Studio ne peut pas télécharger de modèles : elle a été construite sans libcurl ni OpenSSL. Placez le dossier du modèle à la main et ajoutez-le avec « Ajouter un dossier… »</translation>
    </message>
    <message>
        <location line="+87" />
        <source>the download stopped on an unexpected error: %1</source>
        <translation>le téléchargement s’est arrêté sur une erreur inattendue : %1</translation>
    </message>
</context>
<context>
    <name>i2v::ui::DropZone</name>
    <message>
        <location filename="../ui/DropZone.cpp" line="+78" />
        <source>Drop a picture here, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation>Déposez une image ici, ouvrez-en une (Ctrl+O) ou collez-en une (Ctrl+V)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <location line="+50" />
        <source>there is not enough free memory to read this picture</source>
        <translation>la mémoire libre ne suffit pas pour lire cette image</translation>
    </message>
    <message>
        <location line="+43" />
        <source>nothing to paste</source>
        <translation>rien à coller</translation>
    </message>
    <message>
        <location line="+19" />
        <source>%1 holds no picture: use a PNG, JPEG, WebP, GIF, BMP or TIFF image</source>
        <translation>%1 ne contient pas d’image : utilisez une image PNG, JPEG, WebP, GIF, BMP ou TIFF</translation>
    </message>
    <message>
        <location line="+210" />
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>the picture</source>
        <translation>l’image</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Drop a picture here
or open one (Ctrl+O) / paste one (Ctrl+V)</source>
        <translation>Déposez une image ici
ou ouvrez-en une (Ctrl+O) / collez-en une (Ctrl+V)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 — %2×%3, the model sees the outlined %4×%5 crop</source>
        <translation>%1 — %2×%3, le modèle voit le recadrage %4×%5 encadré</translation>
    </message>
    <message>
        <location line="+1" />
        <source>picture</source>
        <translation>image</translation>
    </message>
    <message>
        <location line="+6" />
        <source> (moved; double-click it or press Home to centre it)</source>
        <translation> (déplacé ; double-cliquez ou appuyez sur Origine pour le recentrer)</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (drag it or use the arrow keys to move it)</source>
        <translation> (faites-le glisser ou utilisez les flèches pour le déplacer)</translation>
    </message>
    <message>
        <location line="+28" />
        <source>the dropped picture</source>
        <translation>l’image déposée</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ErrorBanner</name>
    <message>
        <location filename="../ui/ErrorBanner.cpp" line="+25" />
        <location line="+1" />
        <source>Dismiss this message</source>
        <translation>Fermer ce message</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show what exactly went wrong, for a bug report or a search</source>
        <translation>Afficher ce qui a échoué exactement, pour un rapport de bogue ou une recherche</translation>
    </message>
</context>
<context>
    <name>i2v::ui::EstimatePanel</name>
    <message>
        <location filename="../ui/EstimatePanel.cpp" line="+15" />
        <source>Measured on this computer with this model: right after the model first loads, then refined by every job</source>
        <translation>Mesuré sur cet ordinateur avec ce modèle : juste après le premier chargement du modèle, puis affiné à chaque tâche</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Measuring this computer's speed with the model…</source>
        <translation>Mesure de la vitesse de cet ordinateur avec le modèle…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The job needs about %1 of memory.</source>
        <translation>La tâche a besoin d’environ %1 de mémoire.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 jobs: %2</source>
        <translation>%1 tâches : %2</translation>
    </message>
    <message>
        <location line="+11" />
        <source>No model loaded: no estimate</source>
        <translation>Aucun modèle chargé : pas d’estimation</translation>
    </message>
    <message>
        <location line="+13" />
        <source>A long job on this computer: the %1 preset (%2) takes %3. &lt;a href="draft"&gt;Use %1&lt;/a&gt;</source>
        <translation>Une tâche longue sur cet ordinateur : le préréglage « %1 » (%2) prend %3. &lt;a href="draft"&gt;Utiliser « %1 »&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="+20" />
        <source>Export video</source>
        <translation>Exporter la vidéo</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Playback rate of the file (independent of the model's fps conditioning)</source>
        <translation>Cadence de lecture du fichier (indépendante du conditionnement fps du modèle)</translation>
    </message>
    <message>
        <location line="+6" />
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
        <location line="+10" />
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
        <source>Interpolated fps</source>
        <translation>Fps interpolés</translation>
    </message>
    <message>
        <location line="+29" />
        <source>These settings cannot be exported</source>
        <translation>Ces réglages ne peuvent pas être exportés</translation>
    </message>
    <message>
        <location line="-42" />
        <source>The rate of the written video when frames are interpolated: above the playback fps, which then sets how fast the motion plays</source>
        <translation>Cadence de la vidéo écrite quand des images sont interpolées : au-dessus des fps de lecture, qui règlent alors la vitesse du mouvement</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Loop</source>
        <translation>Boucle</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ExportFlow</name>
    <message>
        <location filename="../ui/ExportFlow.cpp" line="+33" />
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
</context>
<context>
    <name>i2v::ui::FrameExport</name>
    <message>
        <location filename="../ui/FrameExport.cpp" line="+58" />
        <source>The file holds no frame</source>
        <translation>Le fichier ne contient aucune image</translation>
    </message>
</context>
<context>
    <name>i2v::ui::FramePlayer</name>
    <message>
        <location filename="../ui/FramePlayer.cpp" line="+30" />
        <source>Play / pause (Space)</source>
        <translation>Lecture / pause (Espace)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Scrub through the frames</source>
        <translation>Parcourir les images</translation>
    </message>
    <message>
        <location line="+4" />
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
        <location line="+134" />
        <source>frame %1 / %2</source>
        <translation>image %1 / %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::FrameStepButton</name>
    <message>
        <location filename="../ui/FrameStepButton.cpp" line="+13" />
        <source>Previous frame (Left)</source>
        <translation>Image précédente (flèche gauche)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Previous frame</source>
        <translation>Image précédente</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Next frame (Right)</source>
        <translation>Image suivante (flèche droite)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next frame</source>
        <translation>Image suivante</translation>
    </message>
</context>
<context>
    <name>i2v::ui::GalleryController</name>
    <message>
        <location filename="../ui/GalleryController.cpp" line="+39" />
        <source>%1 no longer exists</source>
        <translation>%1 n’existe plus</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Settings of job %1 restored</source>
        <translation>Réglages de la tâche %1 restaurés</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Delete from the gallery?</source>
        <translation>Supprimer de la galerie ?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove this job from the gallery? Its video %1 stays on disk unless you delete it too.</source>
        <translation>Retirer ce travail de la galerie ? Sa vidéo %1 reste sur le disque, sauf si vous la supprimez aussi.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Remove this job from the gallery? It has no video file.</source>
        <translation>Retirer ce travail de la galerie ? Il n’a pas de fichier vidéo.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keep the file</source>
        <translation>Garder le fichier</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Delete the file too</source>
        <translation>Supprimer aussi le fichier</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 could not be deleted (%2); the gallery entry is kept</source>
        <translation>%1 n’a pas pu être supprimé (%2) ; l’entrée de la galerie est conservée</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The gallery entry could not be deleted: %1</source>
        <translation>L’entrée de la galerie n’a pas pu être supprimée : %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Deleted %1</source>
        <translation>%1 supprimé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Removed job %1 from the gallery</source>
        <translation>Travail %1 retiré de la galerie</translation>
    </message>
    <message>
        <location line="-45" />
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
    <name>i2v::ui::GalleryModel</name>
    <message>
        <location filename="../ui/GalleryModel.cpp" line="+17" />
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not saved</source>
        <translation>Non enregistré</translation>
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
        <location line="+18" />
        <source>%1 · %2 · seed %3 · %4×%5, %6 frames, %7 steps</source>
        <translation>%1 · %2 · graine %3 · %4×%5, %6 images, %7 étapes</translation>
    </message>
</context>
<context>
    <name>i2v::ui::GalleryPanel</name>
    <message>
        <location filename="../ui/GalleryPanel.cpp" line="+32" />
        <source>Filter by prompt</source>
        <translation>Filtrer par prompt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show only the videos whose prompt contains this text</source>
        <translation>N’afficher que les vidéos dont le prompt contient ce texte</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Any time</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show only the videos made in this period</source>
        <translation>N’afficher que les vidéos créées pendant cette période</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Play this video in the result view</source>
        <translation>Lire cette vidéo dans la vue du résultat</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Write this video in another format</source>
        <translation>Écrire cette vidéo dans un autre format</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reuse settings</source>
        <translation>Réutiliser les réglages</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Put this job's picture, prompt and settings back into the controls</source>
        <translation>Remettre l’image, le prompt et les réglages de cette tâche dans les contrôles</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Continue from last frame</source>
        <translation>Continuer depuis la dernière image</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start a new job whose picture is the last frame of this video</source>
        <translation>Lancer une nouvelle tâche dont l’image est la dernière image de cette vidéo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the folder that holds this video</source>
        <translation>Ouvrir le dossier qui contient cette vidéo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove this video from the gallery (you choose whether the file stays)</source>
        <translation>Retirer cette vidéo de la galerie (vous choisissez si le fichier reste)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Copy the video file, to paste it into another application</source>
        <translation>Copier le fichier vidéo pour le coller dans une autre application</translation>
    </message>
    <message>
        <location line="+144" />
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+0" />
        <source>1 video</source>
        <translation>1 vidéo</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 videos</source>
        <translation>%1 vidéos</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your videos appear here when a job ends.</source>
        <translation>Vos vidéos apparaissent ici à la fin d’un travail.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No video matches the filter.</source>
        <translation>Aucune vidéo ne correspond au filtre.</translation>
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
        <translation>Ce qui doit se passer dans la vidéo</translation>
    </message>
    <message>
        <location line="+6" />
        <source>What to avoid (negative prompt)</source>
        <translation>Ce qu'il faut éviter (prompt négatif)</translation>
    </message>
    <message>
        <location line="+13" />
        <source>&amp;Negative prompt (what to avoid):</source>
        <translation>Prompt &amp;négatif (à éviter) :</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Use recommended</source>
        <translation>Utiliser le recommandé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Put back the negative prompt the I2VGen-XL model card recommends</source>
        <translation>Remettre le prompt négatif que recommande la fiche du modèle I2VGen-XL</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+291" />
        <source>Model default</source>
        <translation>Défaut du modèle</translation>
    </message>
    <message>
        <location line="-285" />
        <source>How the noise is removed step by step: each method needs a different number of steps for a clean video</source>
        <translation>Comment le bruit est retiré pas à pas : chaque méthode demande un nombre de pas différent pour une vidéo nette</translation>
    </message>
    <message>
        <location line="+6" />
        <source>More steps give a cleaner video and take longer: the time grows with the steps</source>
        <translation>Plus de pas donnent une vidéo plus nette et prennent plus de temps : la durée croît avec les pas</translation>
    </message>
    <message>
        <location line="+5" />
        <source>How strongly the video follows the prompt: higher follows it more closely, lower gives the model more freedom; 1 or less ignores the prompts and halves the time</source>
        <translation>À quel point la vidéo suit le prompt : plus haut le suit de plus près, plus bas laisse plus de liberté au modèle ; 1 ou moins ignore les prompts et divise le temps par deux</translation>
    </message>
    <message>
        <location line="+6" />
        <source>DDIM only: 0 is deterministic, 1 adds fresh noise every step</source>
        <translation>DDIM uniquement : 0 est déterministe, 1 ajoute un bruit neuf à chaque étape</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The starting noise: the same seed and settings give the same video again</source>
        <translation>Le bruit de départ : la même graine avec les mêmes réglages redonne la même vidéo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Random</source>
        <translation>Aléatoire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pick a new random seed</source>
        <translation>Tirer une nouvelle graine au hasard</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keep this seed; unlocked, every Generate picks a new one</source>
        <translation>Garder cette graine ; déverrouillée, chaque génération en tire une nouvelle</translation>
    </message>
    <message>
        <location line="+9" />
        <source>How many frames the video has: the model was trained on 16; time and memory grow with them</source>
        <translation>Le nombre d’images de la vidéo : le modèle a été entraîné sur 16 ; la durée et la mémoire croissent avec elles</translation>
    </message>
    <message>
        <location line="+4" />
        <source>How much motion the model puts between frames: lower values move more per frame. It is not the playback speed, which Export sets</source>
        <translation>La quantité de mouvement que le modèle met entre les images : les valeurs basses bougent davantage par image. Ce n’est pas la vitesse de lecture, que fixe l’export</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The video's size in pixels: the model's own is 1280 × 704; time and memory grow with the area</source>
        <translation>La taille de la vidéo en pixels : celle du modèle est 1280 × 704 ; la durée et la mémoire croissent avec la surface</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Width in pixels, a multiple of 8</source>
        <translation>Largeur en pixels, un multiple de 8</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Height in pixels, a multiple of 8</source>
        <translation>Hauteur en pixels, un multiple de 8</translation>
    </message>
    <message>
        <location line="+25" />
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
        <location line="+1" />
        <source>The seeds of the extra runs: the next numbers after the Seed row's, or random ones</source>
        <translation>Les graines des passes supplémentaires : les nombres qui suivent celle de la ligne Graine, ou des graines aléatoires</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <location line="+1" />
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
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Randomness of the DDIM steps and the motion the model aims for</source>
        <translation>Part d’aléatoire des pas DDIM et mouvement visé par le modèle</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Randomness (eta)</source>
        <translation>Aléatoire (eta)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Motion (fps conditioning)</source>
        <translation>Mouvement (conditionnement fps)</translation>
    </message>
    <message>
        <location line="+53" />
        <source>the picture of the job</source>
        <translation>l’image de la tâche</translation>
    </message>
    <message>
        <location line="+102" />
        <source>DDIM (the model's own)</source>
        <translation>DDIM (celui du modèle)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The sampler I2VGen-XL was made with: best at 50 steps, steady at 25</source>
        <translation>L’échantillonneur avec lequel I2VGen-XL a été conçu : meilleur à 50 pas, stable à 25</translation>
    </message>
    <message>
        <location line="+2" />
        <source>DPM++ 2M (fast)</source>
        <translation>DPM++ 2M (rapide)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Good results in 20–25 steps: the quickest way to a clean video</source>
        <translation>De bons résultats en 20 à 25 pas : le chemin le plus court vers une vidéo nette</translation>
    </message>
    <message>
        <location line="+2" />
        <source>UniPC (fast)</source>
        <translation>UniPC (rapide)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Good results in 15–25 steps, close to DPM++ 2M</source>
        <translation>De bons résultats en 15 à 25 pas, proche de DPM++ 2M</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Simple and predictable: 30–50 steps</source>
        <translation>Simple et prévisible : 30 à 50 pas</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Euler Ancestral (varied)</source>
        <translation>Euler Ancestral (varié)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Adds fresh noise every step: more variety between seeds, 30–50 steps, never fully settles</source>
        <translation>Ajoute du bruit neuf à chaque pas : plus de variété entre les graines, 30 à 50 pas, ne se stabilise jamais tout à fait</translation>
    </message>
    <message>
        <location line="+3" />
        <source>DDPM (slow)</source>
        <translation>DDPM (lent)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The original sampler: needs hundreds of steps for a clean video</source>
        <translation>L’échantillonneur d’origine : il lui faut des centaines de pas pour une vidéo nette</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Model default: %1</source>
        <translation>Défaut du modèle : %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 / %2 — the model will not see the end of this text</source>
        <translation>%1 / %2 — le modèle ne verra pas la fin de ce texte</translation>
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
        <location line="+17" />
        <source>Going on from step %1 of %2</source>
        <translation>Reprise à partir de l’étape %1 sur %2</translation>
    </message>
    <message>
        <location line="+191" />
        <source>out of memory while loading the model from %1</source>
        <translation>mémoire insuffisante pour charger le modèle depuis %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>unknown error while loading the model from %1</source>
        <translation>erreur inconnue lors du chargement du modèle depuis %1</translation>
    </message>
    <message>
        <location line="+97" />
        <source>no model is loaded: choose an I2VGen-XL model folder</source>
        <translation>aucun modèle n’est chargé : choisissez un dossier de modèle I2VGen-XL</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the model could not be loaded: %1</source>
        <translation>le modèle n’a pas pu être chargé : %1</translation>
    </message>
    <message>
        <location line="+29" />
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
        <location line="+6" />
        <source>The video was not saved: %1</source>
        <translation>La vidéo n’a pas été enregistrée : %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Joining the parts into one video</source>
        <translation>Jonction des parties en une vidéo</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 cannot be read (%2)</source>
        <translation>%1 ne peut pas être lu (%2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is longer than %2 frames</source>
        <translation>%1 dépasse %2 images</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 is %2×%3 and this clip %4×%5</source>
        <translation>%1 fait %2×%3 et ce clip %4×%5</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+16" />
        <source>The parts were not joined: %1. This clip is saved on its own.</source>
        <translation>Les parties n’ont pas été jointes : %1. Ce clip est enregistré seul.</translation>
    </message>
</context>
<context>
    <name>i2v::ui::HubPreferences</name>
    <message>
        <location filename="../ui/HubPreferences.cpp" line="+42" />
        <source>the stored access token %1 cannot be removed</source>
        <translation>le jeton d’accès enregistré %1 ne peut pas être supprimé</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the folder of %1 cannot be created</source>
        <translation>le dossier de %1 ne peut pas être créé</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+3" />
        <source>%1 cannot be written: %2</source>
        <translation>%1 ne peut pas être écrit : %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::InputAdvice</name>
    <message>
        <location filename="../ui/InputAdvice.cpp" line="+38" />
        <source>This picture is too far from the shape of a %1 × %2 video for the model to use it: crop it closer to the video's proportions.</source>
        <translation>Cette image s’écarte trop de la forme d’une vidéo %1 × %2 pour que le modèle puisse l’utiliser : recadrez-la plus près des proportions de la vidéo.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The picture is small for this video: the part used (%1 × %2 pixels) is enlarged %3× to %4 × %5, so the video will look soft. A larger picture gives a sharper video.</source>
        <translation>L’image est petite pour cette vidéo : la partie utilisée (%1 × %2 pixels) est agrandie %3× jusqu’à %4 × %5, la vidéo sera donc floue. Une image plus grande donne une vidéo plus nette.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Only %1 % of the picture is used: the video's shape cuts off the dimmed part.</source>
        <translation>Seuls %1 % de l’image sont utilisés : le format de la vidéo coupe la partie assombrie.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>This picture is upright: a %1 × %2 video keeps %3 % of it instead of %4 %.</source>
        <translation>Cette image est en hauteur : une vidéo de %1 × %2 en garde %3 % au lieu de %4 %.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This picture is wide: a %1 × %2 video keeps %3 % of it instead of %4 %.</source>
        <translation>Cette image est en largeur : une vidéo de %1 × %2 en garde %3 % au lieu de %4 %.</translation>
    </message>
</context>
<context>
    <name>i2v::ui::InputAdvicePanel</name>
    <message>
        <location line="+29" />
        <source>Use %1 × %2</source>
        <translation>Utiliser %1 × %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::InputPanel</name>
    <message>
        <location filename="../ui/InputPanel.cpp" line="+26" />
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location line="+6" />
        <source>This picture cannot be used. Choose a PNG, JPEG, WebP, GIF, BMP or TIFF picture that opens in an image viewer.</source>
        <translation>Cette image ne peut pas être utilisée. Choisissez une image PNG, JPEG, WebP, GIF, BMP ou TIFF qui s’ouvre dans une visionneuse d’images.</translation>
    </message>
    <message>
        <location line="+20" />
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
</context>
<context>
    <name>i2v::ui::JobAttention</name>
    <message>
        <location filename="../ui/JobAttention.cpp" line="+31" />
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Decoding %1/%2</source>
        <translation>Décodage %1/%2</translation>
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
        <translation>Vidéo prête</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Video made, but not saved</source>
        <translation>Vidéo créée, mais non enregistrée</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 frames in %2</source>
        <translation>%1 images en %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 frames</source>
        <translation>%1 images</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saved as %1</source>
        <translation>Enregistrée sous %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Generation failed</source>
        <translation>Échec de la génération</translation>
    </message>
    <message>
        <location line="+7" />
        <source>1 more job in the queue</source>
        <translation>Encore 1 tâche dans la file d’attente</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 more jobs in the queue</source>
        <translation>Encore %1 tâches dans la file d’attente</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobController</name>
    <message>
        <location filename="../ui/JobController.cpp" line="+64" />
        <source>I2V Studio was closed before the job ended</source>
        <translation>I2V Studio a été fermé avant la fin de la tâche</translation>
    </message>
    <message>
        <location line="+58" />
        <source>%1, %2 left</source>
        <translation>%1, encore %2</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Denoising: step %1 of %2, %3 left</source>
        <translation>Débruitage : pas %1 sur %2, encore %3</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Denoising: step %1 of %2</source>
        <translation>Débruitage : étape %1 sur %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Decoding frames: %1 of %2</source>
        <translation>Décodage des images : %1 sur %2</translation>
    </message>
    <message>
        <location line="+23" />
        <source>%1. Its progress is kept (%2 of %3 steps): Resume goes on from there.</source>
        <translation>%1. Sa progression est conservée (%2 étapes sur %3) : « Reprendre » repart de là.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>This job cannot go on after a stop (%1): it runs all the same</source>
        <translation>Cette tâche ne pourra pas reprendre après un arrêt (%1) : elle s’exécute quand même</translation>
    </message>
    <message>
        <location line="+167" />
        <source>The job could not be recorded in the history: %1</source>
        <translation>La tâche n’a pas pu être enregistrée dans l’historique : %1</translation>
    </message>
    <message>
        <location line="+49" />
        <source>%1 cannot be played: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobEstimate</name>
    <message>
        <location filename="../ui/JobEstimate.cpp" line="+88" />
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+2" />
        <source>under 1 s</source>
        <translation>moins d’1 s</translation>
    </message>
    <message>
        <location line="+2" />
        <source>about %1 s</source>
        <translation>environ %1 s</translation>
    </message>
    <message>
        <location line="+3" />
        <source>about %1 min</source>
        <translation>environ %1 min</translation>
    </message>
    <message>
        <location line="+3" />
        <source>about %1 days</source>
        <translation>environ %1 jours</translation>
    </message>
    <message>
        <location line="+1" />
        <source>about %1 h %2 min</source>
        <translation>environ %1 h %2 min</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Takes %1 (%2 per step)</source>
        <translation>Prend %1 (%2 par pas)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Takes %1 (%2 per step, measured while the computer was busy)</source>
        <translation>Prend %1 (%2 par pas, mesuré pendant que l’ordinateur était occupé)</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Time: not measured on this computer yet</source>
        <translation>Durée : pas encore mesurée sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+7" />
        <source>needs %1 of %2 memory</source>
        <translation>demande %1 sur %2 de mémoire</translation>
    </message>
    <message>
        <location line="+1" />
        <source>needs %1 of memory</source>
        <translation>demande %1 de mémoire</translation>
    </message>
    <message>
        <location line="+8" />
        <source>This job will not fit in this computer's memory. Turn on Low-memory mode in Settings: it needs about %1 then.</source>
        <translation>Cette tâche ne tient pas dans la mémoire de cet ordinateur. Activez le mode mémoire réduite dans les Réglages : elle demande alors environ %1.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This job will not fit in this computer's memory, even in Low-memory mode: choose a smaller size or fewer frames.</source>
        <translation>Cette tâche ne tient pas dans la mémoire de cet ordinateur, même en mode mémoire réduite : choisissez une taille plus petite ou moins d’images.</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobHistory</name>
    <message>
        <location filename="../ui/JobHistory.cpp" line="+91" />
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
    <name>i2v::ui::JobLauncher</name>
    <message>
        <location filename="../ui/JobLauncher.cpp" line="+24" />
        <source>Choose a picture first: drop one on the left, open one (Ctrl+O) or paste one (Ctrl+V)</source>
        <translation>Choisissez d’abord une image : déposez-la à gauche, ouvrez-en une (Ctrl+O) ou collez-en une (Ctrl+V)</translation>
    </message>
    <message>
        <location line="+56" />
        <source>%1. Choose another output folder in Settings.</source>
        <translation>%1. Choisissez un autre dossier de sortie dans les Réglages.</translation>
    </message>
    <message>
        <location line="-15" />
        <location line="+7" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="-31" />
        <source>the last frame of the previous video</source>
        <translation>la dernière image de la vidéo précédente</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The last frame of %1 cannot be read</source>
        <translation>La dernière image de %1 ne peut pas être lue</translation>
    </message>
    <message>
        <location line="+5" />
        <source>the last frame of %1</source>
        <translation>la dernière image de %1</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobPanel</name>
    <message>
        <location filename="../ui/JobPanel.cpp" line="+36" />
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+45" />
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <location line="-43" />
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
        <location line="+2" />
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Generate a new clip that starts from the last frame of this result</source>
        <translation>Générer un nouveau clip qui part de la dernière image de ce résultat</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Add to queue</source>
        <translation>Ajouter à la file</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobPresets</name>
    <message>
        <location filename="../ui/JobPresets.cpp" line="+46" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <location line="+17" />
        <source>%1 × %2, %3 frames, %4 steps</source>
        <translation>%1 × %2, %3 images, %4 étapes</translation>
    </message>
    <message>
        <location line="+42" />
        <source>A preset needs a name</source>
        <translation>Un préréglage a besoin d’un nom</translation>
    </message>
    <message>
        <location line="+2" />
        <source>“%1” is a built-in preset: choose another name</source>
        <translation>« %1 » est un préréglage intégré : choisissez un autre nom</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A preset name cannot contain / or \</source>
        <translation>Un nom de préréglage ne peut contenir ni / ni \</translation>
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
        <source>Not saved</source>
        <translation>Non enregistré</translation>
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
        <location line="+19" />
        <source>#%1 %2</source>
        <translation>n° %1 %2</translation>
    </message>
    <message>
        <location line="+0" />
        <source>#%1 (no prompt)</source>
        <translation>n° %1 (sans prompt)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+13" />
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
    <message>
        <location line="+1" />
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+57" />
        <source>about %1</source>
        <translation>environ %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1, %2 left</source>
        <translation>%1, encore %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::JobStatusBar</name>
    <message>
        <location filename="../ui/JobStatusBar.cpp" line="+27" />
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Showing %1 from the gallery (its first %2 of %3 frames)</source>
        <translation>%1 de la galerie (ses %2 premières images sur %3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Showing %1 from the gallery: %2 frames</source>
        <translation>%1 de la galerie : %2 images</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not saved: %1 frames</source>
        <translation>Non enregistré : %1 images</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Done: %1 frames</source>
        <translation>Terminé : %1 images</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Done: %1 frames, saved as %2</source>
        <translation>Terminé : %1 images, enregistrées sous %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Exporting %1…</source>
        <translation>Export de %1…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Loading the model from %1…</source>
        <translation>Chargement du modèle depuis %1…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Model ready: %1 (%2 M parameters)</source>
        <translation>Modèle prêt : %1 (%2 M paramètres)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No model</source>
        <translation>Aucun modèle</translation>
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
        <translation>Le téléchargement du modèle s’est arrêté : %1</translation>
    </message>
    <message>
        <location line="-195" />
        <source>Resuming the download of %1 that was under way when I2V Studio was closed</source>
        <translation>Reprise du téléchargement de %1 qui était en cours à la fermeture d’I2V Studio</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The job history cannot be opened (%1): jobs are not recorded</source>
        <translation>L’historique ne peut pas être ouvert (%1) : les tâches ne sont pas enregistrées</translation>
    </message>
    <message>
        <location line="+140" />
        <source>Generation failed: %1</source>
        <translation>Échec de la génération : %1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Export failed: %1</source>
        <translation>Échec de l'export : %1</translation>
    </message>
    <message>
        <location line="-133" />
        <source>Queue</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <location line="+44" />
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
        <source>&amp;Models…</source>
        <translation>&amp;Modèles…</translation>
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
        <translation>Choisir le dossier du &amp;modèle…</translation>
    </message>
    <message>
        <location line="-72" />
        <source>The job history could not be read (%1), so a new one has begun; the old file is kept as %2</source>
        <translation>L’historique des tâches n’a pas pu être lu (%1) : un nouveau a été commencé ; l’ancien fichier est conservé sous %2</translation>
    </message>
    <message>
        <location line="+74" />
        <source>Use the &amp;demo model</source>
        <translation>Utiliser le modèle de &amp;démonstration</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Export video…</source>
        <translation>&amp;Exporter la vidéo…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Settings…</source>
        <translation>&amp;Réglages…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+2" />
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cancel &amp;all</source>
        <translation>&amp;Tout annuler</translation>
    </message>
    <message>
        <location line="+2" />
        <source>C&amp;ontinue from last frame</source>
        <translation>C&amp;ontinuer depuis la dernière image</translation>
    </message>
    <message>
        <location line="+9" />
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
        <location line="+161" />
        <source>The access token was not saved: %1</source>
        <translation>Le jeton d’accès n’a pas été enregistré : %1</translation>
    </message>
    <message>
        <location line="-115" />
        <source>The video was not saved; its %1 frames are kept until the next result. %2</source>
        <translation>La vidéo n’a pas été enregistrée ; ses %1 images sont conservées jusqu’au prochain résultat. %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <location line="+155" />
        <source>the dropped picture</source>
        <translation>l’image déposée</translation>
    </message>
    <message>
        <location line="-223" />
        <source>&amp;Join continued parts into one video</source>
        <translation>&amp;Joindre les parties continuées en une vidéo</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Continue also writes the earlier video and the new clip as one video, and shows that</source>
        <translation>Continuer écrit aussi la vidéo précédente et le nouveau clip en une seule vidéo, et affiche celle-ci</translation>
    </message>
    <message>
        <location line="+94" />
        <source>The model in %1 could not be loaded. Download I2VGen-XL again or choose another model folder (File ▸ Models…).</source>
        <translation>Le modèle dans %1 n’a pas pu être chargé. Téléchargez de nouveau I2VGen-XL ou choisissez un autre dossier de modèle (Fichier ▸ Modèles…).</translation>
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
        <translation>Aucun modèle trouvé : téléchargez I2VGen-XL ou choisissez un dossier de modèle (Fichier ▸ Modèles…)</translation>
    </message>
    <message>
        <location line="-43" />
        <source>%1 is not a model folder (no model_index.json)</source>
        <translation>%1 n’est pas un dossier de modèle (pas de model_index.json)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Choose an I2VGen-XL model folder</source>
        <translation>Choisir un dossier de modèle I2VGen-XL</translation>
    </message>
    <message>
        <location line="+44" />
        <source>%1 is downloaded and verified; the window now uses it</source>
        <translation>%1 est téléchargé et vérifié ; la fenêtre l’utilise maintenant</translation>
    </message>
</context>
<context>
    <name>i2v::ui::ModelsDialog</name>
    <message>
        <location filename="../ui/ModelsDialog.cpp" line="+50" />
        <source>App folder</source>
        <translation>Dossier de l’application</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Model cache</source>
        <translation>Cache de modèles</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Added folder</source>
        <translation>Dossier ajouté</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+166" />
        <source>Generate with this model (double-click does the same)</source>
        <translation>Générer avec ce modèle (un double-clic fait de même)</translation>
    </message>
    <message>
        <location line="-165" />
        <location line="+191" />
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <location line="-189" />
        <location line="+165" />
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location line="-163" />
        <location line="+168" />
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="-166" />
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>List a model folder kept anywhere else</source>
        <translation>Lister un dossier de modèle rangé ailleurs</translation>
    </message>
    <message>
        <location line="+76" />
        <source>Complete</source>
        <translation>Complet</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Incomplete (download interrupted)</source>
        <translation>Incomplet (téléchargement interrompu)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incomplete</source>
        <translation>Incomplet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Download paused</source>
        <translation>Téléchargement en pause</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Downloading…</source>
        <translation>Téléchargement…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 (in use)</source>
        <translation>%1 (utilisé)</translation>
    </message>
    <message>
        <location line="+24" />
        <source>No I2VGen-XL model was found in %1, in the model cache %2 or in a folder you added. Download it below.</source>
        <translation>Aucun modèle I2VGen-XL trouvé dans %1, dans le cache de modèles %2 ou dans un dossier ajouté. Téléchargez-le ci-dessous.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Looked in %1 and in the model cache %2.</source>
        <translation>Recherche dans %1 et dans le cache de modèles %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Looked in %1, in the model cache %2 and in the folders you added.</source>
        <translation>Recherche dans %1, dans le cache de modèles %2 et dans les dossiers ajoutés.</translation>
    </message>
    <message>
        <location line="+42" />
        <source>This model is incomplete: see its status for what is missing</source>
        <translation>Ce modèle est incomplet : son état indique ce qui manque</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stop verifying</source>
        <translation>Arrêter la vérification</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Read every file again and compare it with its hash (models in the cache) or check every weight file's header and size (other folders)</source>
        <translation>Relire chaque fichier et le comparer à son hachage (modèles du cache) ou vérifier l’en-tête et la taille de chaque fichier de poids (autres dossiers)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Forget folder</source>
        <translation>Oublier le dossier</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Models in the app's own folder are removed in the file manager (Show in folder)</source>
        <translation>Les modèles du dossier de l’application se suppriment dans le gestionnaire de fichiers (Afficher dans le dossier)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Take this folder off the list (its files stay)</source>
        <translation>Retirer ce dossier de la liste (ses fichiers restent)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete this model from the model cache</source>
        <translation>Supprimer ce modèle du cache de modèles</translation>
    </message>
    <message>
        <location line="+14" />
        <source>No file manager could open %1</source>
        <translation>Aucun gestionnaire de fichiers n’a pu ouvrir %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Add an I2VGen-XL model folder</source>
        <translation>Ajouter un dossier de modèle I2VGen-XL</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Add folder</source>
        <translation>Ajouter un dossier</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 is no I2VGen-XL model folder: it needs a model_index.json naming I2VGenXLPipeline, with the unet, vae, text_encoder and image_encoder folders beside it.</source>
        <translation>%1 n’est pas un dossier de modèle I2VGen-XL : il faut un model_index.json qui nomme I2VGenXLPipeline, avec les dossiers unet, vae, text_encoder et image_encoder à côté.</translation>
    </message>
    <message>
        <location line="+33" />
        <location line="+5" />
        <source>Remove model</source>
        <translation>Supprimer le modèle</translation>
    </message>
    <message>
        <location line="-4" />
        <source>%1 is being downloaded: cancel the download first.</source>
        <translation>%1 est en cours de téléchargement : annulez d’abord le téléchargement.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Delete %1 from the model cache? This frees about %2 in %3.

huggingface_hub and diffusers share this cache: they will have to download the model again too.</source>
        <translation>Supprimer %1 du cache de modèles ? Cela libère environ %2 dans %3.

huggingface_hub et diffusers partagent ce cache : eux aussi devront télécharger le modèle à nouveau.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 was removed: %2 freed.</source>
        <translation>%1 a été supprimé : %2 libérés.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 could not be removed: %2</source>
        <translation>%1 n’a pas pu être supprimé : %2</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Verifying %1: reading every file…</source>
        <translation>Vérification de %1 : lecture de chaque fichier…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checking %1…</source>
        <translation>Contrôle de %1…</translation>
    </message>
    <message>
        <location line="+22" />
        <source>%1 is no I2VGen-XL model folder any more</source>
        <translation>%1 n’est plus un dossier de modèle I2VGen-XL</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Verifying was stopped before the end</source>
        <translation>La vérification a été arrêtée avant la fin</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Verifying: %1 (file %2 of %3)</source>
        <translation>Vérification : %1 (fichier %2 sur %3)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 is intact: all %2 files match their hashes (%3 read).</source>
        <translation>%1 est intact : les %2 fichiers correspondent à leurs hachages (%3 lus).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 is complete: every file is there and every weight file is whole (its size and header checked; only files in the model cache carry hashes to compare).</source>
        <translation>%1 est complet : chaque fichier est là et chaque fichier de poids est entier (taille et en-tête vérifiés ; seuls les fichiers du cache de modèles portent des hachages à comparer).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: one problem found:</source>
        <translation>%1 : un problème trouvé :</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2 problems found:</source>
        <translation>%1 : %2 problèmes trouvés :</translation>
    </message>
</context>
<context>
    <name>i2v::ui::OutputFolder</name>
    <message>
        <location filename="../ui/OutputFolder.cpp" line="+12" />
        <source>No output folder is set</source>
        <translation>Aucun dossier de sortie n’est défini</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The output folder %1 is a file, not a folder</source>
        <translation>Le dossier de sortie %1 est un fichier, pas un dossier</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The output folder %1 does not exist and cannot be created</source>
        <translation>Le dossier de sortie %1 n’existe pas et ne peut pas être créé</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Videos cannot be written to the output folder %1: %2</source>
        <translation>Impossible d’écrire des vidéos dans le dossier de sortie %1 : %2</translation>
    </message>
</context>
<context>
    <name>i2v::ui::PlayerTabs</name>
    <message>
        <location filename="../ui/PlayerTabs.cpp" line="+12" />
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
</context>
<context>
    <name>i2v::ui::PresetRow</name>
    <message>
        <location filename="../ui/PresetRow.cpp" line="+25" />
        <source>%1: a quick look (%2). %3: the model's native %4. Your own presets follow.</source>
        <translation>%1 : un aperçu rapide (%2). %3 : la taille native du modèle, %4. Vos propres préréglages suivent.</translation>
    </message>
    <message>
        <location line="+43" />
        <source>%1 (changed)</source>
        <translation>%1 (modifié)</translation>
    </message>
    <message>
        <location line="-38" />
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep the size, frames, steps, scheduler, guidance, eta and fps as a preset</source>
        <translation>Garder la taille, les images, les étapes, le planificateur, le guidage, eta et les fps comme préréglage</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Delete the chosen preset of yours</source>
        <translation>Supprimer le préréglage choisi</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Choose a preset…</source>
        <translation>Choisir un préréglage…</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Presets are not available</source>
        <translation>Les préréglages ne sont pas disponibles</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+9" />
        <source>Save preset</source>
        <translation>Enregistrer le préréglage</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Name of the preset:</source>
        <translation>Nom du préréglage :</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Replace preset?</source>
        <translation>Remplacer le préréglage ?</translation>
    </message>
    <message>
        <location line="+0" />
        <source>A preset named “%1” exists. Replace it?</source>
        <translation>Un préréglage nommé « %1 » existe. Le remplacer ?</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Delete preset?</source>
        <translation>Supprimer le préréglage ?</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Delete the preset “%1”?</source>
        <translation>Supprimer le préréglage « %1 » ?</translation>
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
        <location filename="../ui/ResultView.cpp" line="+26" />
        <source>The finished video plays here</source>
        <translation>La vidéo terminée est lue ici</translation>
    </message>
    <message>
        <location line="+33" />
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
        <location filename="../ui/SettingsDialog.cpp" line="+169" />
        <source>Notify me when a video is ready while I use other windows</source>
        <translation>M’avertir quand une vidéo est prête pendant que j’utilise d’autres fenêtres</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A desktop notification when a job ends or fails while I2V Studio is in the background or minimized; clicking it brings the window back</source>
        <translation>Une notification du bureau quand une tâche se termine ou échoue pendant qu’I2V Studio est en arrière-plan ou réduit ; un clic dessus ramène la fenêtre</translation>
    </message>
    <message>
        <location line="-131" />
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Automatic: the best model found</source>
        <translation>Automatique : le meilleur modèle trouvé</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Empty: the real I2VGen-XL when it is on this computer (in the app's models folder or the model cache), else the demo model</source>
        <translation>Vide : le vrai I2VGen-XL s’il est sur cet ordinateur (dans le dossier de modèles de l’application ou le cache de modèles), sinon le modèle de démonstration</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Every finished video is written here as an mp4</source>
        <translation>Chaque vidéo terminée est écrite ici en mp4</translation>
    </message>
    <message>
        <location line="+14" />
        <source>One per core (%1)</source>
        <translation>Un par cœur (%1)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Automatic (the GPU when there is one)</source>
        <translation>Automatique (le GPU s’il y en a un)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No CUDA GPU: %1</source>
        <translation>Pas de GPU CUDA : %1</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Automatic (float16 on a GPU, float32 on the CPU)</source>
        <translation>Automatique (float16 sur un GPU, float32 sur le CPU)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>float32 (exact: the same video as diffusers)</source>
        <translation>float32 (exact : la même vidéo que diffusers)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fast: bfloat16 (recommended on this processor)</source>
        <translation>Rapide : bfloat16 (recommandé sur ce processeur)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>bfloat16 (half the memory)</source>
        <translation>bfloat16 (moitié moins de mémoire)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>This processor has bfloat16 instructions: several times faster than float32 and half the memory, with a video that differs slightly from float32's</source>
        <translation>Ce processeur a des instructions bfloat16 : plusieurs fois plus rapide que float32 et deux fois moins de mémoire, avec une vidéo légèrement différente de celle en float32</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This processor has bfloat16 instructions: about twice as fast as float32 and half the memory, with a video that differs slightly from float32's</source>
        <translation>Ce processeur a des instructions bfloat16 : environ deux fois plus rapide que float32 et deux fois moins de mémoire, avec une vidéo légèrement différente de celle en float32</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This processor has no bfloat16 instructions: bfloat16 is no faster than float32 here, but needs half the memory</source>
        <translation>Ce processeur n’a pas d’instructions bfloat16 : bfloat16 n’est pas plus rapide que float32 ici, mais demande deux fois moins de mémoire</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>bfloat16 runs on hardware made for it</source>
        <translation>bfloat16 s’exécute sur du matériel conçu pour lui</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no bfloat16 instructions</source>
        <translation>pas d’instructions bfloat16</translation>
    </message>
    <message>
        <location line="+4" />
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
        <location line="+3" />
        <source>Keep fp16 weight files in half precision</source>
        <translation>Garder les fichiers de poids fp16 en demi-précision</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Loads the .fp16 weight files when the model has them and keeps them in half precision: half the weight memory, every computation still in float32, a little slower per step</source>
        <translation>Charge les fichiers de poids .fp16 quand le modèle en a et les garde en demi-précision : moitié moins de mémoire pour les poids, tous les calculs toujours en float32, un peu plus lent par étape</translation>
    </message>
    <message>
        <location line="+8" />
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
        <location line="+13" />
        <source>%1 (the Hugging Face Hub)</source>
        <translation>%1 (le Hub Hugging Face)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (from HF_ENDPOINT)</source>
        <translation>%1 (depuis HF_ENDPOINT)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A mirror of the Hugging Face Hub to download from, such as https://hf-mirror.com</source>
        <translation>Un miroir du Hub Hugging Face d’où télécharger, par exemple https://hf-mirror.com</translation>
    </message>
    <message>
        <location line="+4" />
        <source>None: public models only</source>
        <translation>Aucun : modèles publics seulement</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The one huggingface_hub uses here (HF_TOKEN or its login)</source>
        <translation>Celui qu’utilise huggingface_hub ici (HF_TOKEN ou sa connexion)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Needed only for gated or private models (huggingface.co ▸ Settings ▸ Access Tokens). Kept in %1, readable by you alone, never in the settings file.</source>
        <translation>Nécessaire seulement pour les modèles à accès restreint ou privés (huggingface.co ▸ Settings ▸ Access Tokens). Gardé dans %1, lisible par vous seul, jamais dans le fichier de réglages.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Where downloaded models are kept, in the layout huggingface_hub and diffusers share: a model downloaded by one is found by the others</source>
        <translation>Où sont gardés les modèles téléchargés, dans l’organisation que partagent huggingface_hub et diffusers : un modèle téléchargé par l’un est trouvé par les autres</translation>
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
        <location line="+3" />
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
        <location line="+2" />
        <source>Processor</source>
        <translation>Processeur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Compute precision</source>
        <translation>Précision de calcul</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Low-memory mode</source>
        <translation>Mode mémoire réduite</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sets every option below for the least memory at once: encoders freed after use, tiled decoding one frame at a time, fp16 weights kept in half precision, small attention chunks. Each stays adjustable; a job takes a little longer</source>
        <translation>Règle d’un coup chaque option ci-dessous pour le moins de mémoire : encodeurs libérés après usage, décodage en tuiles une image à la fois, poids fp16 gardés en demi-précision, petits blocs d’attention. Chacune reste réglable ; une tâche prend un peu plus de temps</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Attention chunk</source>
        <translation>Bloc d’attention</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decode chunk</source>
        <translation>Bloc de décodage</translation>
    </message>
    <message>
        <location line="+6" />
        <source>While generating</source>
        <translation>Pendant la génération</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Model hub</source>
        <translation>Hub de modèles</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Download from</source>
        <translation>Télécharger depuis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Access token</source>
        <translation>Jeton d’accès</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Model cache</source>
        <translation>Cache de modèles</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Choose the model cache folder</source>
        <translation>Choisir le dossier du cache de modèles</translation>
    </message>
    <message>
        <location line="+77" />
        <source>Fast: bfloat16 (recommended: %1× float32's speed here)</source>
        <translation>Rapide : bfloat16 (recommandé : ici %1× la vitesse de float32)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The job in the window needs about %1 of this computer's %2 with these settings.</source>
        <translation>Avec ces réglages, la tâche de la fenêtre demande environ %1 des %2 de cet ordinateur.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The job in the window needs about %1 of memory with these settings.</source>
        <translation>Avec ces réglages, la tâche de la fenêtre demande environ %1 de mémoire.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Low-memory mode: about %1.</source>
        <translation>Mode mémoire réduite : environ %1.</translation>
    </message>
</context>
<context>
    <name>i2v::ui::UnfinishedJobs</name>
    <message>
        <location filename="../ui/UnfinishedJobs.cpp" line="+51" />
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>cannot write the picture into %1</source>
        <translation>impossible d’écrire l’image dans %1</translation>
    </message>
</context>
<context>
    <name>i2v::ui::UnfinishedJobsBanner</name>
    <message>
        <location filename="../ui/UnfinishedJobsBanner.cpp" line="+22" />
        <source>“%1” (no step saved, queued %2)</source>
        <translation>« %1 » (aucune étape enregistrée, mise en file %2)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>“%1” (%2 of %3 steps done, saved %4)</source>
        <translation>« %1 » (%2 étapes sur %3 faites, enregistrée %4)</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Discard…</source>
        <translation>Abandonner…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>A job did not finish: %1. Resume goes on from where it stopped.</source>
        <translation>Une tâche n’a pas fini : %1. « Reprendre » repart d’où elle s’est arrêtée.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 jobs did not finish: %2 and %3 more. Resume goes on with each from where it stopped.</source>
        <translation>%1 tâches n’ont pas fini : %2 et %3 autres. « Reprendre » repart pour chacune d’où elle s’est arrêtée.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Queue the job again: it goes on from its last saved step</source>
        <translation>Remettre la tâche dans la file : elle repart de sa dernière étape enregistrée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Queue the %1 jobs again: each goes on from its last saved step</source>
        <translation>Remettre les %1 tâches dans la file : chacune repart de sa dernière étape enregistrée</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Discard unfinished jobs</source>
        <translation>Abandonner les tâches inachevées</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Discard the unfinished job?</source>
        <translation>Abandonner la tâche inachevée ?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Discard the %1 unfinished jobs?</source>
        <translation>Abandonner les %1 tâches inachevées ?</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Finished steps that are lost: %1.</source>
        <translation>Étapes terminées qui seront perdues : %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No step of them was saved.</source>
        <translation>Aucune de leurs étapes n’a été enregistrée.</translation>
    </message>
</context>
<context>
    <name>i2v::ui::VideoPlayer</name>
    <message>
        <location filename="../ui/VideoPlayer.cpp" line="+56" />
        <source>Play / pause (Space)</source>
        <translation>Lecture / pause (Espace)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Scrub through the video</source>
        <translation>Parcourir la vidéo</translation>
    </message>
    <message>
        <location line="+4" />
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
        <location line="+48" />
        <location line="+7" />
        <source>the file cannot be played</source>
        <translation>le fichier ne peut pas être lu</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Qt Multimedia has no media back end on this system</source>
        <translation>Qt Multimedia n’a pas de moteur multimédia sur ce système</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 does not exist</source>
        <translation>%1 n’existe pas</translation>
    </message>
    <message>
        <location line="+99" />
        <source>frame %1 / %2</source>
        <translation>image %1 / %2</translation>
    </message>
</context>
</TS>
