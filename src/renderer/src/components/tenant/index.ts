/** The tenant views: what App.vue shows a tenant-bound session, and the provider's switcher. */
export { default as TenantView } from './TenantView.vue'
export { default as ViewSwitcher } from './ViewSwitcher.vue'
