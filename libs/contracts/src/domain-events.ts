import type { AnnouncementEvents } from './events/announcements.js';
import type { ContentEvents } from './events/content.js';
import type { EmailEvents } from './events/email.js';
import type { ExpertiseEvents } from './events/expertise.js';
import type { FeedEvents } from './events/feed.js';
import type { FileEvents } from './files.js';
import type { GroupEvents } from './events/groups.js';
import type { IdentityEvents } from './events/identity.js';
import type { IdeaEvents } from './events/ideas.js';
import type { MentoringEvents } from './events/mentoring.js';
import type { ModerationEvents } from './events/moderation.js';
import type { NotificationEvents } from './events/notifications.js';
import type { PeopleEvents } from './events/people.js';
import type { PrivacyEvents } from './events/privacy.js';
import type { PreviewEvents } from './link-previews.js';
import type { QuestionEvents } from './events/questions.js';
import type { RecognitionEvents } from './events/recognition.js';
import type { TrainingEvents } from './events/training.js';

/**
 * What happened, by event type: the one map producers (`tx.emit`) and listeners
 * (`bus.subscribe`) are checked against. Each producing module's events are in
 * `events/<module>.ts`; a listener reads them here without importing the producer.
 *
 * A payload is what realtime clients receive (plus `eventId`), so it must never carry anything
 * the audience may not see.
 */
export interface DomainEventMap
  extends
    IdentityEvents,
    PeopleEvents,
    GroupEvents,
    FeedEvents,
    PreviewEvents,
    FileEvents,
    IdeaEvents,
    QuestionEvents,
    RecognitionEvents,
    ExpertiseEvents,
    MentoringEvents,
    ModerationEvents,
    NotificationEvents,
    ContentEvents,
    EmailEvents,
    AnnouncementEvents,
    TrainingEvents,
    PrivacyEvents {}
