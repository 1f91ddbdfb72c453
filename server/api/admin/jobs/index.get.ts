export default defineApiHandler(async (event) => {
  await requireUser(event, 'admin')
  return { items: await listJobs() }
})
