#!/usr/bin/env zsh
# Prints what zsh offers when TAB is pressed at the end of a command line:
#   zsh zsh_complete.zsh FUNCTION_DIR 'hros list --format '
# A real interactive zsh runs in a pseudo-terminal (zpty) with compinit and
# FUNCTION_DIR (holding _hros) in $fpath; compadd is wrapped to write each
# match it is given to a file, and completion ends the shell once done.
emulate -L zsh
zmodload zsh/zpty || { print -u2 'zsh/zpty is missing'; exit 2 }
local dir=${1:A} line=$2
local work=$(mktemp -d)
local out=$work/matches setup=$work/setup.zsh
<<EOS >$setup
PS1='' PROMPT='' RPROMPT=''
fpath=(${(q)dir} \$fpath)
autoload -Uz compinit && compinit -u -D
zstyle ':completion:*' insert-tab false
bindkey '^I' complete-word
compadd() {
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "\$@"
    return
  fi
  local -a hits pre hpre
  zparseopts -E -a ignored P:=pre p:=hpre
  builtin compadd -A hits "\$@"
  local hit
  for hit in \$hits; do
    print -r -- "\$IPREFIX\${pre[2]}\${hpre[2]}\$hit" >> ${(q)out}
  done
  builtin compadd "\$@"
}
_hros_test_done() { print -r -- '--done--' >> ${(q)out}; exit }
comppostfuncs=(_hros_test_done)
print -r -- '--ready--' >> ${(q)out}
EOS
zpty hros_test zsh -f -i
zpty -w hros_test "source ${(q)setup}"
local i chunk
for (( i = 0; i < 200; i++ )); do
  [[ -f $out ]] && grep -q -- '--ready--' $out && break
  zpty -rt hros_test chunk 2>/dev/null
  sleep 0.05
done
zpty -w -n hros_test "$line"$'\t'
for (( i = 0; i < 400; i++ )); do
  grep -q -- '--done--' $out 2>/dev/null && break
  zpty -rt hros_test chunk 2>/dev/null
  sleep 0.05
done
zpty -d hros_test
local code=1
grep -q -- '--done--' $out && code=0
grep -v -e '--ready--' -e '--done--' $out | sort -u
rm -rf $work
exit $code
