//! Rebuild when the bundled data changes: `include_dir!` embeds these folders, but
//! cargo only notices changes to files it is told about.

fn main() {
    for dir in ["locales", "layouts", "fonts"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
