data "vsphere_virtual_machine" "a" {
  name = "it's {{ x }} ${y}"
}
data "vsphere_virtual_machine" "b" {
  name = "web*"
}
