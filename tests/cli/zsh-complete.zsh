# Types a command line and Tab into an interactive zsh in a pseudo-terminal, with taizhang's
# completion on fpath, and prints what zsh offers, one a line, escape codes stripped.
#
#   usage: zsh -f zsh-complete.zsh COMPLETION_DIR 'LINE' 'LAST EXPECTED TEXT'
# It waits for LAST EXPECTED TEXT to appear (the caller runs it under timeout).
zmodload zsh/zpty
zpty tz zsh -f -i
zpty -w tz "PS1='%% '; fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u; cd ${(q)PWD}"
zpty -w -n tz "$2"$'\t'
zpty -r -m tz out "*$3*"
zpty -d tz
print -r -- "$out" | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' | tr -d '\r' | sed 's/ *$//' | grep -- ' -- '
