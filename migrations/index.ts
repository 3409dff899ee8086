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
import { CreateAnnouncements1795422100000 } from './1795422100000-CreateAnnouncements.js';
import { AddAnnouncementNotificationKinds1795422100100 } from './1795422100100-AddAnnouncementNotificationKinds.js';
import { AddEmailsAvoidedActivityKinds1795422100200 } from './1795422100200-AddEmailsAvoidedActivityKinds.js';
import { CreateEmailReplyTokens1795422200000 } from './1795422200000-CreateEmailReplyTokens.js';
import { AddProfileLocale1795422200100 } from './1795422200100-AddProfileLocale.js';
import { AddNotificationEmailPreference1795422200200 } from './1795422200200-AddNotificationEmailPreference.js';
import { CreateEmailMessages1795422200300 } from './1795422200300-CreateEmailMessages.js';
import { CreateEmailSuppressions1795422200400 } from './1795422200400-CreateEmailSuppressions.js';
import { AddGroupHandles1795422300000 } from './1795422300000-AddGroupHandles.js';
import { CreateEmailInboundMessages1795422300100 } from './1795422300100-CreateEmailInboundMessages.js';
import { AddFeedBodyHtml1795422400000 } from './1795422400000-AddFeedBodyHtml.js';
import { AddQuestionBodyHtml1795422400100 } from './1795422400100-AddQuestionBodyHtml.js';
import { AddIdeaBodyHtml1795422400200 } from './1795422400200-AddIdeaBodyHtml.js';
import { AddGroupTextHtml1795422400300 } from './1795422400300-AddGroupTextHtml.js';
import { AddGuidelinesBodyHtml1795422400400 } from './1795422400400-AddGuidelinesBodyHtml.js';
import { AddProfileBioHtml1795422400500 } from './1795422400500-AddProfileBioHtml.js';
import { AddCommentEditing1795422400600 } from './1795422400600-AddCommentEditing.js';
import { AddQuestionEditing1795422400700 } from './1795422400700-AddQuestionEditing.js';
import { CreateFiles1795422500000 } from './1795422500000-CreateFiles.js';
import { AddPostAttachmentCount1795422500100 } from './1795422500100-AddPostAttachmentCount.js';
import { CreateSessions1795422600000 } from './1795422600000-CreateSessions.js';
import { AddAccountStates1795422600100 } from './1795422600100-AddAccountStates.js';
import { AddProfileManager1795422600200 } from './1795422600200-AddProfileManager.js';
import { CreateScimGroups1795422600300 } from './1795422600300-CreateScimGroups.js';
import { CreateTopicVolunteers1795422800000 } from './1795422800000-CreateTopicVolunteers.js';
import { AddQuestionRouteReasons1795422800100 } from './1795422800100-AddQuestionRouteReasons.js';
import { AddQuestionUnansweredAt1795422800200 } from './1795422800200-AddQuestionUnansweredAt.js';
import { AddHiveNotificationKinds1795422800300 } from './1795422800300-AddHiveNotificationKinds.js';
import { CreateHelperDigests1795500000000 } from './1795500000000-CreateHelperDigests.js';
import { AddHelperDigestNotificationKind1795500000100 } from './1795500000100-AddHelperDigestNotificationKind.js';
import { AddCampaignClosesAt1795500000200 } from './1795500000200-AddCampaignClosesAt.js';
import { CreateKudos1795422800400 } from './1795422800400-CreateKudos.js';
import { AddKudosReportTarget1795422800450 } from './1795422800450-AddKudosReportTarget.js';
import { CreateBadges1795422800500 } from './1795422800500-CreateBadges.js';
import { AddMentoringConfirmation1795422800600 } from './1795422800600-AddMentoringConfirmation.js';
import { CreateExternalIdentities1795422700000 } from './1795422700000-CreateExternalIdentities.js';
import { AllowPasswordlessAccounts1795422700100 } from './1795422700100-AllowPasswordlessAccounts.js';
import { CreateInvitations1795422700200 } from './1795422700200-CreateInvitations.js';
import { CreateSsoHandoffs1795422700300 } from './1795422700300-CreateSsoHandoffs.js';
import { CreateSamlRequests1795560000000 } from './1795560000000-CreateSamlRequests.js';
import { CreateSamlAssertions1795560000100 } from './1795560000100-CreateSamlAssertions.js';
import { CreateTrainingPaths1795423000000 } from './1795423000000-CreateTrainingPaths.js';
import { AddPushPreference1795590000000 } from './1795590000000-AddPushPreference.js';
import { CreatePushSubscriptions1795590000100 } from './1795590000100-CreatePushSubscriptions.js';
import { AddIdeaCommentLinkPreviews1795590000200 } from './1795590000200-AddIdeaCommentLinkPreviews.js';
import { AddFirstRunStepKinds1795600000000 } from './1795600000000-AddFirstRunStepKinds.js';
import { CreateTrainingFirstRuns1795600000100 } from './1795600000100-CreateTrainingFirstRuns.js';
import { CreatePostHashtags1795600000150 } from './1795600000150-CreatePostHashtags.js';
import { AddUserAvatars1795600000400 } from './1795600000400-AddUserAvatars.js';
import { AddPostHasMentions1795610000000 } from './1795610000000-AddPostHasMentions.js';
import { CreateRefuseStaleWrite1795600000600 } from './1795600000600-CreateRefuseStaleWrite.js';
import { CreateLinkPreviews1795510000000 } from './1795510000000-CreateLinkPreviews.js';
import { WidenLinkPreviewItems1795580000000 } from './1795580000000-WidenLinkPreviewItems.js';
import { CreatePostPolls1795520000000 } from './1795520000000-CreatePostPolls.js';
import { CreatePeopleImports1795570000000 } from './1795570000000-CreatePeopleImports.js';
import { AddFileText1795530000000 } from './1795530000000-AddFileText.js';
import { CreateAccountSecurity1795540000000 } from './1795540000000-CreateAccountSecurity.js';
import { CreatePersonalDataExports1795550000000 } from './1795550000000-CreatePersonalDataExports.js';

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
  CreateAnnouncements1795422100000,
  AddAnnouncementNotificationKinds1795422100100,
  AddEmailsAvoidedActivityKinds1795422100200,
  CreateEmailReplyTokens1795422200000,
  AddProfileLocale1795422200100,
  AddNotificationEmailPreference1795422200200,
  CreateEmailMessages1795422200300,
  CreateEmailSuppressions1795422200400,
  AddGroupHandles1795422300000,
  CreateEmailInboundMessages1795422300100,
  AddFeedBodyHtml1795422400000,
  AddQuestionBodyHtml1795422400100,
  AddIdeaBodyHtml1795422400200,
  AddGroupTextHtml1795422400300,
  AddGuidelinesBodyHtml1795422400400,
  AddProfileBioHtml1795422400500,
  AddCommentEditing1795422400600,
  AddQuestionEditing1795422400700,
  CreateFiles1795422500000,
  AddPostAttachmentCount1795422500100,
  CreateSessions1795422600000,
  AddAccountStates1795422600100,
  AddProfileManager1795422600200,
  CreateScimGroups1795422600300,
  CreateTopicVolunteers1795422800000,
  AddQuestionRouteReasons1795422800100,
  AddQuestionUnansweredAt1795422800200,
  AddHiveNotificationKinds1795422800300,
  CreateKudos1795422800400,
  AddKudosReportTarget1795422800450,
  CreateBadges1795422800500,
  AddMentoringConfirmation1795422800600,
  CreateExternalIdentities1795422700000,
  AllowPasswordlessAccounts1795422700100,
  CreateInvitations1795422700200,
  CreateSsoHandoffs1795422700300,
  CreateTrainingPaths1795423000000,
  AddPushPreference1795590000000,
  CreatePushSubscriptions1795590000100,
  CreateLinkPreviews1795510000000,
  WidenLinkPreviewItems1795580000000,
  CreateHelperDigests1795500000000,
  AddHelperDigestNotificationKind1795500000100,
  AddCampaignClosesAt1795500000200,
  CreatePostPolls1795520000000,
  AddFileText1795530000000,
  CreateAccountSecurity1795540000000,
  CreatePeopleImports1795570000000,
  CreateSamlRequests1795560000000,
  CreateSamlAssertions1795560000100,
  CreatePersonalDataExports1795550000000,
  AddIdeaCommentLinkPreviews1795590000200,
  AddFirstRunStepKinds1795600000000,
  CreateTrainingFirstRuns1795600000100,
  CreatePostHashtags1795600000150,
  AddUserAvatars1795600000400,
  CreateRefuseStaleWrite1795600000600,
  AddPostHasMentions1795610000000,
];
