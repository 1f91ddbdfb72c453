export default defineAppConfig({
  ui: {
    colors: {
      primary: 'violet',
      neutral: 'zinc',
    },
    // Initials in the default muted grey on the avatar's grey disc fall short of 4.5:1 contrast.
    avatar: { variants: { color: { neutral: { fallback: 'text-toned', icon: 'text-toned' } } } },
    // A button that cannot be used must look it in every colour and variant: the default only
    // fades it to 75 %, which still reads as a live violet button. Disabled, it turns flat grey
    // (with the not-allowed cursor of the default theme), its label still at 4.5:1 or more in
    // both colour schemes: WCAG exempts disabled controls from contrast, but people must still
    // read what the button would do. A loading button is disabled too, and keeps its colour.
    button: {
      compoundVariants: [
        { loading: false, class: 'disabled:opacity-100 aria-disabled:opacity-100 disabled:text-dimmed aria-disabled:text-dimmed' },
        { loading: false, variant: ['solid', 'soft', 'subtle'], class: 'disabled:bg-elevated aria-disabled:bg-elevated disabled:text-muted aria-disabled:text-muted' },
        { loading: false, variant: ['outline', 'subtle'], class: 'disabled:ring-default aria-disabled:ring-default' },
      ],
    },
  },
})
