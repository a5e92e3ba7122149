/// The theme in this repository's `templates/`, compiled in (see scripts/embed-default-theme).
public enum DefaultTheme {}
