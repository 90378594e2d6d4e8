//! The logical structure (ISO 32000-1, 14.7): `/StructTreeRoot` with one
//! `/StructElem` per element (`/S`, `/P`, `/K`, and `/Alt`, `/Lang` where given),
//! the marked content of each page's MCIDs, the `/ParentTree` from each page's
//! `/StructParents` back to the elements, and `/MarkInfo /Marked true`.
//!
//! An element whose content is all on one page names that page (`/Pg`) and lists
//! its MCIDs as numbers; one that spans pages (on a booklet's sheets) has a
//! marked-content reference for each.

use std::collections::HashMap;

use crate::structure::{Element, Key, Part, Structure};

use super::objects::{name, Dict, Obj, Objects, Ref};

/// The element of each placed paragraph's or figure's part.
pub fn leaves(structure: &Structure) -> HashMap<(Key, Part), usize> {
    structure
        .elements
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.content.map(|c| (c, i)))
        .collect()
}

/// What the pages mark for the structure.
#[derive(Default)]
pub struct Marked {
    /// Per page, the element of each of its MCIDs.
    pub mcids: Vec<Vec<usize>>,
    /// The annotations (links and form fields), in the order of their
    /// `/StructParent` keys (which follow the pages').
    pub links: Vec<LinkAt>,
}

/// A link annotation and the element it belongs to.
pub struct LinkAt {
    /// The annotation.
    pub annot: Ref,
    /// The page it is on.
    pub page: usize,
    /// Its element (a Link).
    pub element: usize,
}

/// Write the structure tree and link it from the catalog.
pub fn write(
    objects: &mut Objects,
    catalog: &mut Dict,
    pages: &[Ref],
    structure: &Structure,
    marked: &Marked,
) {
    let root = objects.reserve();
    let ids: Vec<Ref> = structure
        .elements
        .iter()
        .map(|_| objects.reserve())
        .collect();
    // Each element's marked content, as (page, MCID), in page and MCID order.
    let mut content: Vec<Vec<(usize, i64)>> = vec![Vec::new(); ids.len()];
    for (p, mcids) in marked.mcids.iter().enumerate() {
        for (mcid, element) in mcids.iter().enumerate() {
            content[*element].push((p, mcid as i64));
        }
    }
    // An element's annotations (`/OBJR`) follow its marked content.
    let mut children: Vec<Vec<Obj>> = vec![Vec::new(); ids.len()];
    for link in &marked.links {
        children[link.element].push(
            Dict::from([
                ("Type", name("OBJR")),
                ("Obj", link.annot.into()),
                ("Pg", pages[link.page].into()),
            ])
            .into(),
        );
    }
    for (i, e) in structure.elements.iter().enumerate() {
        if let Some(parent) = e.parent {
            children[parent].push(ids[i].into());
        }
    }
    for (i, e) in structure.elements.iter().enumerate() {
        let parent = e.parent.map_or(root, |p| ids[p]);
        let kids = std::mem::take(&mut children[i]);
        objects.put(ids[i], element(e, parent, &content[i], kids, pages));
    }
    let page_entries = marked.mcids.iter().enumerate().flat_map(|(p, mcids)| {
        [
            Obj::Int(p as i64),
            Obj::Array(mcids.iter().map(|e| ids[*e].into()).collect()),
        ]
    });
    let link_entries = marked.links.iter().enumerate().flat_map(|(i, link)| {
        [
            Obj::Int((marked.mcids.len() + i) as i64),
            ids[link.element].into(),
        ]
    });
    let nums = page_entries.chain(link_entries).collect();
    let tree_root = Dict::from([
        ("Type", name("StructTreeRoot")),
        (
            "K",
            Obj::Array(ids.first().map(|d| (*d).into()).into_iter().collect()),
        ),
        (
            "ParentTree",
            Dict::from([("Nums", Obj::Array(nums))]).into(),
        ),
        (
            "ParentTreeNextKey",
            Obj::Int((marked.mcids.len() + marked.links.len()) as i64),
        ),
    ]);
    objects.put(root, tree_root);
    catalog.set("StructTreeRoot", root);
    catalog.set("MarkInfo", Dict::from([("Marked", Obj::Bool(true))]));
}

/// One `/StructElem`: its own marked content (`own`, as page and MCID) first, then
/// its children, in reading order.
fn element(
    e: &Element,
    parent: Ref,
    own: &[(usize, i64)],
    children: Vec<Obj>,
    pages: &[Ref],
) -> Dict {
    let mut dict = Dict::from([
        ("Type", name("StructElem")),
        ("S", name(e.role)),
        ("P", parent.into()),
    ]);
    let one_page = own
        .first()
        .map(|f| f.0)
        .filter(|p| own.iter().all(|c| c.0 == *p));
    let mut kids: Vec<Obj> = match one_page {
        Some(p) => {
            dict.set("Pg", pages[p]);
            own.iter().map(|(_, mcid)| Obj::Int(*mcid)).collect()
        }
        None => own
            .iter()
            .map(|(p, mcid)| {
                Dict::from([
                    ("Type", name("MCR")),
                    ("Pg", pages[*p].into()),
                    ("MCID", Obj::Int(*mcid)),
                ])
                .into()
            })
            .collect(),
    };
    kids.extend(children);
    dict.set("K", Obj::Array(kids));
    if let Some(alt) = &e.alt {
        dict.set("Alt", Obj::Text(alt.clone()));
    }
    if let Some(lang) = &e.lang {
        dict.set("Lang", Obj::Ascii(lang.clone()));
    }
    if let Some(text) = &e.actual_text {
        dict.set("ActualText", Obj::Text(text.clone()));
    }
    dict
}
