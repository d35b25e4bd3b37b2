param([switch]$WhatIf)
$vm = Get-VM -Name "it's {{ x }} ${y}"
$other = 'web*'
