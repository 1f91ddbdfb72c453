// A page's server render reads the public routes' data in-process (see utils/public-reads.ts;
// app/composables/usePublicRead.ts is the page's side).
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    event.context.publicReads = publicReadsForRender
  })
})
