export default defineAppConfig({
  ui: {
    colors: {
      primary: 'violet',
      neutral: 'zinc',
    },
    // Initials in the default muted grey on the avatar's grey disc fall short of 4.5:1 contrast.
    avatar: { variants: { color: { neutral: { fallback: 'text-toned', icon: 'text-toned' } } } },
  },
})
