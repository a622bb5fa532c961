# Prints what bash offers when TAB is pressed at the end of a command line:
#   bash bash_complete.bash SCRIPT 'hros list --format '
# bash-completion is loaded as on Debian, SCRIPT is sourced, and COMP_LINE,
# COMP_POINT, COMP_WORDS and COMP_CWORD are set the way readline sets them:
# words split at blanks (quoted text kept whole) and at runs of
# COMP_WORDBREAKS characters such as '=', which are words of their own.
if [[ -r /usr/share/bash-completion/bash_completion ]]; then
    source /usr/share/bash-completion/bash_completion
fi
source "$1"
line=$2
COMP_LINE=$line
COMP_POINT=${#line}
breaks=${COMP_WORDBREAKS//[[:space:]\"\']/}
words=() current= quote= kind=
for ((i = 0; i < ${#line}; i++)); do
    c=${line:i:1}
    if [[ -n $quote ]]; then
        current+=$c
        [[ $c == "$quote" ]] && quote=
        continue
    fi
    if [[ $c == [[:space:]] ]]; then
        [[ -n $current ]] && words+=("$current")
        current= kind=
        continue
    fi
    if [[ $c == [\"\'] ]]; then
        quote=$c
        new=text
    elif [[ $breaks == *"$c"* ]]; then
        new=break
    else
        new=text
    fi
    if [[ -n $current && $new != "$kind" ]]; then
        words+=("$current")
        current=
    fi
    current+=$c kind=$new
done
words+=("$current")
COMP_WORDS=("${words[@]}")
COMP_CWORD=$((${#words[@]} - 1))
COMPREPLY=()
_hros
printf '%s\n' "${COMPREPLY[@]}"
