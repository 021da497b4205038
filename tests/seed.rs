//! The seed article: our acceptance example, scored against its hand-made gold.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use annotator::{annotate, OffsetUnit, Options};
use serde_json::Value;

fn gold() -> Value {
    let path = common::shared_data().join("seed-gold.json");
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&raw).expect("seed gold is JSON")
}

fn span(v: &Value) -> (usize, usize) {
    (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize)
}

#[test]
fn sample_text_is_the_seed() {
    assert_eq!(common::fixture("seed.txt"), gold()["text"].as_str().unwrap());
}

#[test]
fn every_gold_quote_is_found_with_its_speaker() {
    let gold = gold();
    let text = gold["text"].as_str().unwrap();
    let ann = annotate(text, &Options::with_offsets(OffsetUnit::Codepoint));
    let names: Vec<&str> = ann.entities.iter().map(|e| e.name.as_str()).collect();
    for g in gold["quotes"].as_array().unwrap() {
        let (gs, ge) = span(g);
        let q = ann
            .quotes
            .iter()
            .find(|q| (q.start, q.end) == (gs, ge))
            .unwrap_or_else(|| panic!("gold quote {:?} not found", g["text"]));
        assert_ne!(q.kind, "scare", "{:?} is speech", q.text);
        if g["speaker"].is_null() {
            continue;
        }
        let (ss, se) = span(&g["speaker"]);
        let sp = q.speaker.as_ref().unwrap_or_else(|| panic!("no speaker for {:?}", q.text));
        assert!(sp.start < se && ss < sp.end, "speaker of {:?}: got {:?}, gold {:?}", q.text, sp.text, g["speaker"]["text"]);
        // The speaker's entity resolves to the full name.
        if let Some(id) = sp.entity {
            let name = names[id];
            let want = match g["speaker"]["text"].as_str().unwrap() {
                "Moon" => "Moon Jae-In",
                "Kim" => "Kim Jong Un",
                "Pompeo" => "Mike Pompeo",
                "Abe" => "Shinzo Abe",
                other => other,
            };
            assert_eq!(name, want, "entity of speaker {:?}", sp.text);
        } else {
            panic!("speaker {:?} has no entity", sp.text);
        }
    }
}

#[test]
fn locations_carry_geo_and_persons_are_found() {
    let gold = gold();
    let text = gold["text"].as_str().unwrap();
    let ann = annotate(text, &Options::with_offsets(OffsetUnit::Codepoint));
    for (layer, kind) in [("locations", "location"), ("persons", "person")] {
        let sys: Vec<(usize, usize)> = ann
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
            .collect();
        let golds: Vec<&Value> = gold[layer].as_array().unwrap().iter().filter(|g| g["optional"] != true).collect();
        let found = golds.iter().filter(|g| sys.contains(&span(g))).count();
        assert!(found * 100 >= golds.len() * 95, "{layer}: {found} of {} gold mentions found", golds.len());
    }
    for e in ann.entities.iter().filter(|e| e.kind == "location") {
        assert!(e.geo.is_some(), "{} has no geo", e.name);
    }
}
