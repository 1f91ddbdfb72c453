export * from './sqlite/schema'
