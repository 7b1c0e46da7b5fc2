fn main() {
    web_infra_evolution::install_panic_hook();
    leptos::mount::mount_to_body(web_infra_evolution::App);
}
