# Sourced by the scripts that check the project in a debootstrap root (check-debian13.sh, check-cuda-build.sh).
#
# copy_tree_into_root SRC ROOT BUILD_DIR: ROOT/src becomes the tree as a clean clone of SRC has it (tracked files,
# timestamps kept), with the build folder ROOT/src/BUILD_DIR of an earlier run moved over, so that a second run
# only rebuilds what changed.
copy_tree_into_root() {
  local src=$1 root=$2 build=$3
  rm -rf "$root/src.new"
  mkdir -p "$root/src.new"
  git -C "$src" ls-files -z | (cd "$src" && xargs -0 cp -P --preserve=timestamps --parents -t "$root/src.new")
  if [[ -d "$root/src/$build" ]]; then mv "$root/src/$build" "$root/src.new/$build"; fi
  rm -rf "$root/src"
  mv "$root/src.new" "$root/src"
}
