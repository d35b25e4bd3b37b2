data "vsphere_virtual_machine" "a" {
  name = "it's {{ x }} $${y}
}
