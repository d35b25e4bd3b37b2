param([switch]$WhatIf)
Get-VM -Name 'it's {{ x }} ${y}'
