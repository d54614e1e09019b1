.syntax unified
.thumb
.section .vectors,"a"
.word 0x20001000
.word reset+1
.text
.thumb_func
.global reset
.type reset,%function
reset: b reset
.size reset, .-reset
.data
.word 0x12345678
.bss
.space 64
