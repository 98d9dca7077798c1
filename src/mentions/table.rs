//! The entity table: every entity of an article, in order of first mention, found by key.

use crate::model::{Entity, EntityId};
use rustc_hash::FxHashMap as HashMap;

/// All entities of an article, in order of first mention.
#[derive(Debug, Default)]
pub struct EntityTable {
    entities: Vec<Entity>,
    index: HashMap<EntityId, usize>,
}

impl EntityTable {
    /// Entity by key.
    pub fn get(&self, key: &EntityId) -> Option<&Entity> {
        self.index.get(key).map(|&i| &self.entities[i])
    }

    pub(super) fn get_mut(&mut self, key: &EntityId) -> Option<&mut Entity> {
        self.index.get(key).map(|&i| &mut self.entities[i])
    }

    pub(super) fn upsert(&mut self, entity: Entity) -> &mut Entity {
        let i = *self.index.entry(entity.key.clone()).or_insert_with(|| {
            self.entities.push(entity);
            self.entities.len() - 1
        });
        &mut self.entities[i]
    }

    /// Every entity.
    pub fn into_vec(self) -> Vec<Entity> {
        self.entities
    }

    /// Every entity, borrowed.
    pub fn all(&self) -> &[Entity] {
        &self.entities
    }
}
