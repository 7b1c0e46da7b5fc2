fn main() {
    web_infra_evolution::install_panic_hook();
    web_infra_evolution::start();
}
