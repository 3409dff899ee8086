import { CreateOutbox1795420800100 } from './1795420800100-CreateOutbox.js';
import { CreateUsers1795420800200 } from './1795420800200-CreateUsers.js';
import { CreateRefreshTokens1795420800300 } from './1795420800300-CreateRefreshTokens.js';
import { CreatePeople1795420800400 } from './1795420800400-CreatePeople.js';
import { CreateFeed1795420800500 } from './1795420800500-CreateFeed.js';
import { CreateGroups1795420800600 } from './1795420800600-CreateGroups.js';
import { AddGroupPostsToFeed1795420800650 } from './1795420800650-AddGroupPostsToFeed.js';
import { CreateIdeas1795420800700 } from './1795420800700-CreateIdeas.js';
import { CreateModeration1795420800800 } from './1795420800800-CreateModeration.js';
import { AddContentModerationState1795420800900 } from './1795420800900-AddContentModerationState.js';
import { CreateExpertise1795421000000 } from './1795421000000-CreateExpertise.js';
import { CreateQuestions1795421000100 } from './1795421000100-CreateQuestions.js';
import { CreateNotifications1795421000300 } from './1795421000300-CreateNotifications.js';
import { CreateAnalytics1795421000400 } from './1795421000400-CreateAnalytics.js';
import { AddCampaignNotificationKinds1795421000700 } from './1795421000700-AddCampaignNotificationKinds.js';
import { AddFullTextSearch1795421000800 } from './1795421000800-AddFullTextSearch.js';
import { AddAnswerAndCommentSearch1795421001100 } from './1795421001100-AddAnswerAndCommentSearch.js';
import { AddSearchRecencyIndexes1795421001300 } from './1795421001300-AddSearchRecencyIndexes.js';
import { AddIdeaModerationState1795421000500 } from './1795421000500-AddIdeaModerationState.js';
import { AddQuestionModerationState1795421000600 } from './1795421000600-AddQuestionModerationState.js';
import { AddPeopleDirectoryIndex1795421001000 } from './1795421001000-AddPeopleDirectoryIndex.js';
import { AddExpertiseModerationState1795421001200 } from './1795421001200-AddExpertiseModerationState.js';
import { AddExpertiseReviewCredits1795421001400 } from './1795421001400-AddExpertiseReviewCredits.js';
import { CreateRateLimitWindows1795421002000 } from './1795421002000-CreateRateLimitWindows.js';
import { CreateHomeTimelines1795421003700 } from './1795421003700-CreateHomeTimelines.js';
import { CreateEventDeadLetters1795421004000 } from './1795421004000-CreateEventDeadLetters.js';
import { ForgetUnfollowedTimelineEntries1795421004200 } from './1795421004200-ForgetUnfollowedTimelineEntries.js';
import { CreateSearchRareBranchLimit1795421005100 } from './1795421005100-CreateSearchRareBranchLimit.js';
import { CreateEmailReplyTokens1795422200000 } from './1795422200000-CreateEmailReplyTokens.js';

/** Every migration, in order. New migrations are added here by hand, after review. */
export const migrations = [
  CreateOutbox1795420800100,
  CreateUsers1795420800200,
  CreateRefreshTokens1795420800300,
  CreatePeople1795420800400,
  CreateFeed1795420800500,
  CreateGroups1795420800600,
  AddGroupPostsToFeed1795420800650,
  CreateIdeas1795420800700,
  CreateModeration1795420800800,
  AddContentModerationState1795420800900,
  CreateExpertise1795421000000,
  CreateQuestions1795421000100,
  CreateNotifications1795421000300,
  CreateAnalytics1795421000400,
  AddIdeaModerationState1795421000500,
  AddQuestionModerationState1795421000600,
  AddCampaignNotificationKinds1795421000700,
  AddFullTextSearch1795421000800,
  AddPeopleDirectoryIndex1795421001000,
  AddAnswerAndCommentSearch1795421001100,
  AddExpertiseModerationState1795421001200,
  AddSearchRecencyIndexes1795421001300,
  AddExpertiseReviewCredits1795421001400,
  CreateRateLimitWindows1795421002000,
  CreateHomeTimelines1795421003700,
  CreateEventDeadLetters1795421004000,
  ForgetUnfollowedTimelineEntries1795421004200,
  CreateSearchRareBranchLimit1795421005100,
  CreateEmailReplyTokens1795422200000,
];
