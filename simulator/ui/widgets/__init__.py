"""Drawing pieces shared by the screens: text, buttons, icons, map, wheel, timer, cycle."""
